// tsc output (dist/auth/middleware.js): Express middleware that verifies whatever extractBearer returns and sets req.auth.
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
exports.authenticate = void 0;
const extract_1 = require("./extract");
const verifier_1 = require("./verifier");
const authenticate = (req, res, next) => __awaiter(void 0, void 0, void 0, function* () {
    const credential = (0, extract_1.extractBearer)(req);
    if (!credential) {
        res.status(401).set("WWW-Authenticate", 'Bearer resource_metadata="https://ci-mcp.example.com/.well-known/oauth-protected-resource"').end();
        return;
    }
    try {
        req.auth = yield verifier_1.verifier.verifyAccessToken(credential);
        next();
    }
    catch (_a) {
        res.status(401).json({ error: "invalid_token" });
    }
});
exports.authenticate = authenticate;
//# sourceMappingURL=middleware.js.map
