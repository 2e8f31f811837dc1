// held-out: clean — tsc output (dist/auth/verify.js): jwtVerify receives exports.verifyOptions from options.js, which carries the audience.
// Token verifier compiled from TypeScript, used by requireBearerAuth.
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
exports.verifier = void 0;
const jose_1 = require("jose");
const options_1 = require("./options");
const keys = (0, jose_1.createRemoteJWKSet)(new URL(`${options_1.verifyOptions.issuer}/protocol/openid-connect/certs`));
exports.verifier = {
    verifyAccessToken: (token) => __awaiter(void 0, void 0, void 0, function* () {
        const { payload } = yield (0, jose_1.jwtVerify)(token, keys, options_1.verifyOptions);
        return {
            token,
            clientId: String(payload.azp),
            scopes: String(payload.scope || "").split(" "),
            expiresAt: payload.exp,
        };
    }),
};
//# sourceMappingURL=verify.js.map
