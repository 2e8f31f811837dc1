// held-out: clean — tsc output (dist/http.js): the transport is created with enableDnsRebindingProtection: true and allowedHosts/allowedOrigins from config_1.
// node:http MCP server compiled by tsc; allow-lists come from dist/config.js.
"use strict";
var __awaiter = (this && this.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.startHttp = startHttp;
const node_http_1 = __importDefault(require("node:http"));
const streamableHttp_js_1 = require("@modelcontextprotocol/sdk/server/streamableHttp.js");
const server_1 = require("./server");
const config_1 = require("./config");
function startHttp() {
    const httpServer = node_http_1.default.createServer((req, res) => __awaiter(this, void 0, void 0, function* () {
        const transport = new streamableHttp_js_1.StreamableHTTPServerTransport({
            sessionIdGenerator: undefined,
            enableDnsRebindingProtection: true,
            allowedHosts: config_1.config.allowedHosts,
            allowedOrigins: config_1.config.allowedOrigins,
        });
        const mcp = (0, server_1.createServer)();
        yield mcp.connect(transport);
        yield transport.handleRequest(req, res);
    }));
    httpServer.listen(config_1.config.port, "127.0.0.1");
    return httpServer;
}
//# sourceMappingURL=http.js.map
