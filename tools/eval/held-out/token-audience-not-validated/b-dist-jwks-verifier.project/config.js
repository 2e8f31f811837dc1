// tsc output (dist/auth/config.js): issuer and JWKS location of the MCP server's authorization server.
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.config = void 0;
exports.config = {
    issuer: process.env.OAUTH_ISSUER || "https://auth.example.net",
    jwksUri: process.env.OAUTH_JWKS_URI || "https://auth.example.net/.well-known/jwks.json",
    publicUrl: process.env.PUBLIC_URL || "https://files-mcp.example.net",
};
//# sourceMappingURL=config.js.map
