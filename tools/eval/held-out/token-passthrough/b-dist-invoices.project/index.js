// tsc output (dist/index.js) of an MCP server whose tool forwards extra.authInfo.token to the upstream helper — spec (security considerations): "The MCP server MUST NOT pass through the token it received from the MCP client."
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
Object.defineProperty(exports, "__esModule", { value: true });
exports.createServer = createServer;
const mcp_js_1 = require("@modelcontextprotocol/sdk/server/mcp.js");
const zod_1 = require("zod");
const upstream_1 = require("./upstream");
function createServer() {
    const server = new mcp_js_1.McpServer({ name: "invoices", version: "2.1.0" });
    server.tool("list_invoices", { customerId: zod_1.z.string() }, (_a, extra_1) => __awaiter(this, [_a, extra_1], void 0, function* ({ customerId }, extra) {
        var _b;
        const accessToken = (_b = extra.authInfo) === null || _b === void 0 ? void 0 : _b.token;
        if (!accessToken) {
            return { isError: true, content: [{ type: "text", text: "missing credentials" }] };
        }
        const invoices = yield (0, upstream_1.listInvoices)(accessToken, customerId);
        return { content: [{ type: "text", text: JSON.stringify(invoices) }] };
    }));
    return server;
}
//# sourceMappingURL=index.js.map
