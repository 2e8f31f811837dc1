// tsc output (dist/middleware/auth.js) of an Express MCP server: jsonwebtoken.verify with algorithms and issuer, no audience and no later aud check — spec (authorization): "MCP servers MUST validate that access tokens were issued specifically for them as the intended audience."
"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.requireAuth = requireAuth;
const jsonwebtoken_1 = __importDefault(require("jsonwebtoken"));
const jwks_rsa_1 = __importDefault(require("jwks-rsa"));
const client = (0, jwks_rsa_1.default)({ jwksUri: process.env.JWKS_URI, cache: true, rateLimit: true });
function getKey(header, callback) {
    client.getSigningKey(header.kid, (err, key) => {
        callback(err, key === null || key === void 0 ? void 0 : key.getPublicKey());
    });
}
function requireAuth(req, res, next) {
    var _a;
    const hdr = (_a = req.headers.authorization) !== null && _a !== void 0 ? _a : "";
    if (!hdr.startsWith("Bearer ")) {
        res.status(401).set("WWW-Authenticate", 'Bearer resource_metadata="https://crm-mcp.example.com/.well-known/oauth-protected-resource"').end();
        return;
    }
    // held-out: token-audience-not-validated
    jsonwebtoken_1.default.verify(hdr.slice(7), getKey, { algorithms: ["RS256"], issuer: process.env.JWT_ISSUER }, (err, decoded) => {
        if (err || !decoded || typeof decoded === "string") {
            res.status(401).json({ error: "invalid_token" });
            return;
        }
        req.auth = { token: hdr.slice(7), clientId: String(decoded.azp), scopes: String(decoded.scope || "").split(" ") };
        next();
    });
}
//# sourceMappingURL=auth.js.map
