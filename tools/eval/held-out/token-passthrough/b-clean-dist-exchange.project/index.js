// held-out: clean — tsc output (dist/index.js): the tool passes the caller's token to exchangeForCalendar and calls the API only with the exchanged token.
// MCP server compiled by tsc to CommonJS; the calendar tool never sends extra.authInfo.token itself.
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
exports.server = void 0;
const axios_1 = __importDefault(require("axios"));
const mcp_js_1 = require("@modelcontextprotocol/sdk/server/mcp.js");
const zod_1 = require("zod");
const sts_1 = require("./sts");
exports.server = new mcp_js_1.McpServer({ name: "calendar", version: "1.0.0" });
exports.server.tool("upcoming_events", { days: zod_1.z.number().int().max(31) }, (_a, extra_1) => __awaiter(void 0, [_a, extra_1], void 0, function* ({ days }, extra) {
    const calendarToken = yield (0, sts_1.exchangeForCalendar)(extra.authInfo.token);
    const res = yield axios_1.default.get("https://calendar.example.com/v2/events", {
        params: { days },
        headers: { Authorization: `Bearer ${calendarToken}` },
    });
    return { content: [{ type: "text", text: JSON.stringify(res.data) }] };
}));
//# sourceMappingURL=index.js.map
