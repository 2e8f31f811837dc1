// tsc output (dist/auth/verifier.js) of an MCP resource server's token verifier: jwtVerify with issuer only, no audience — spec (authorization): "MCP servers MUST validate that access tokens were issued specifically for them as the intended audience."
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
exports.tokenVerifier = void 0;
const jose_1 = require("jose");
const config_1 = require("./config");
const JWKS = (0, jose_1.createRemoteJWKSet)(new URL(config_1.config.jwksUri));
exports.tokenVerifier = {
    verifyAccessToken(token) {
        return __awaiter(this, void 0, void 0, function* () {
            // held-out: token-audience-not-validated
            const { payload } = yield (0, jose_1.jwtVerify)(token, JWKS, { issuer: config_1.config.issuer });
            const scope = typeof payload.scope === "string" ? payload.scope : "";
            return {
                token,
                clientId: String(payload.client_id),
                scopes: scope.split(" ").filter(Boolean),
                expiresAt: payload.exp,
            };
        });
    },
};
//# sourceMappingURL=verifier.js.map
