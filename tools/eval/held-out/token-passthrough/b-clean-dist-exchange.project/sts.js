// held-out: clean — tsc output (dist/sts.js): RFC 8693 token exchange; the incoming token is the subject_token in the form body, the response's access_token is returned.
// Helper of the calendar MCP server.
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
exports.exchangeForCalendar = exchangeForCalendar;
const axios_1 = __importDefault(require("axios"));
function exchangeForCalendar(subjectToken) {
    return __awaiter(this, void 0, void 0, function* () {
        const body = new URLSearchParams({
            grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
            subject_token: subjectToken,
            subject_token_type: "urn:ietf:params:oauth:token-type:access_token",
            resource: "https://calendar.example.com/",
        });
        const res = yield axios_1.default.post(process.env.STS_TOKEN_URL, body, {
            auth: { username: process.env.STS_CLIENT_ID, password: process.env.STS_CLIENT_SECRET },
        });
        return res.data.access_token;
    });
}
//# sourceMappingURL=sts.js.map
