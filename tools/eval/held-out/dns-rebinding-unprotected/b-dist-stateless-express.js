// tsc output (dist/index.js) of a stateless Express MCP server on localhost: plain express() and a transport with no rebinding protection — spec (Streamable HTTP): "Servers MUST validate the Origin header on all incoming connections"; local servers should bind to localhost and validate Host/Origin.
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
const express_1 = __importDefault(require("express"));
const streamableHttp_js_1 = require("@modelcontextprotocol/sdk/server/streamableHttp.js");
const server_1 = require("./server");
const PORT = Number(process.env.PORT || 3000);
const app = (0, express_1.default)();
app.use(express_1.default.json());
app.post("/mcp", (req, res) => __awaiter(void 0, void 0, void 0, function* () {
    const server = (0, server_1.createServer)();
    // held-out: dns-rebinding-unprotected
    const transport = new streamableHttp_js_1.StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    res.on("close", () => {
        transport.close();
        server.close();
    });
    yield server.connect(transport);
    yield transport.handleRequest(req, res, req.body);
}));
app.listen(PORT, "localhost", () => {
    console.error(`MCP server listening on http://localhost:${PORT}/mcp`);
});
//# sourceMappingURL=index.js.map
