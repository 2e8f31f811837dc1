// tsc output (dist/google-auth.js) of a Gmail MCP server: generateAuthUrl is called with no state and no code_challenge, and the callback takes any code — best practices: generate a cryptographically secure random `state` and reject callbacks whose state is missing or does not match.
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
exports.loginUrl = loginUrl;
exports.oauthCallback = oauthCallback;
const googleapis_1 = require("googleapis");
const tokens_1 = require("./tokens");
const oauth2Client = new googleapis_1.google.auth.OAuth2(process.env.GOOGLE_CLIENT_ID, process.env.GOOGLE_CLIENT_SECRET, "https://gmail-mcp.example.com/oauth2callback");
function loginUrl() {
    // held-out: oauth-state-missing
    return oauth2Client.generateAuthUrl({
        access_type: "offline",
        prompt: "consent",
        scope: ["https://www.googleapis.com/auth/gmail.readonly"],
    });
}
function oauthCallback(req, res) {
    return __awaiter(this, void 0, void 0, function* () {
        const { tokens } = yield oauth2Client.getToken(String(req.query.code));
        yield (0, tokens_1.saveGoogleTokens)(req.session.userId, tokens);
        res.send("Gmail connected. You can return to your MCP client.");
    });
}
//# sourceMappingURL=google-auth.js.map
