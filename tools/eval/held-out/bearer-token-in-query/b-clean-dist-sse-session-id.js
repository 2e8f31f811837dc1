// held-out: clean — tsc output (dist/http.js): the bearer token comes from the Authorization header via requireBearerAuth; the query carries only the SSE transport's sessionId.
// Express MCP server with the SDK's legacy SSE transport, compiled by tsc.
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
const sse_js_1 = require("@modelcontextprotocol/sdk/server/sse.js");
const bearerAuth_js_1 = require("@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js");
const verifier_1 = require("./verifier");
const server_1 = require("./server");
const app = (0, express_1.default)();
const sessions = {};
const auth = (0, bearerAuth_js_1.requireBearerAuth)({ verifier: verifier_1.verifier, requiredScopes: ["mcp"] });
app.get("/sse", auth, (req, res) => __awaiter(void 0, void 0, void 0, function* () {
    const transport = new sse_js_1.SSEServerTransport("/messages", res);
    sessions[transport.sessionId] = transport;
    res.on("close", () => { delete sessions[transport.sessionId]; });
    yield (0, server_1.createServer)().connect(transport);
}));
app.post("/messages", auth, express_1.default.json(), (req, res) => __awaiter(void 0, void 0, void 0, function* () {
    const sessionId = String(req.query.sessionId || "");
    const transport = sessions[sessionId];
    if (!transport) {
        res.status(400).send("No transport found for sessionId");
        return;
    }
    yield transport.handlePostMessage(req, res, req.body);
}));
app.listen(3000, "127.0.0.1");
//# sourceMappingURL=http.js.map
