// held-out: clean — tsc output (dist/authorize.js): the redirect_uri is accepted only if some registered value is strictly equal to it.
// Hand-written /authorize handler of an MCP authorization server, compiled to CommonJS by tsc.
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
exports.authorize = authorize;
const crypto_1 = require("crypto");
const store_1 = require("./store");
function authorize(req, res) {
    return __awaiter(this, void 0, void 0, function* () {
        const clientId = String(req.query.client_id || "");
        const redirectUri = String(req.query.redirect_uri || "");
        const client = yield (0, store_1.getClient)(clientId);
        if (!client || !client.redirect_uris.some((registered) => registered === redirectUri)) {
            res.status(400).json({ error: "invalid_request", error_description: "redirect_uri mismatch" });
            return;
        }
        const code = (0, crypto_1.randomBytes)(32).toString("base64url");
        yield (0, store_1.saveCode)(code, { clientId, redirectUri, codeChallenge: String(req.query.code_challenge || "") });
        const location = new URL(redirectUri);
        location.searchParams.set("code", code);
        if (req.query.state)
            location.searchParams.set("state", String(req.query.state));
        res.redirect(302, location.href);
    });
}
//# sourceMappingURL=authorize.js.map
