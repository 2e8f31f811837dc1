// held-out: clean — tsc output (dist/auth/options.js): the verify options object includes audience, built from configuration.
// Shared JWT verification options of an MCP resource server.
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.verifyOptions = void 0;
const ISSUER = process.env.OIDC_ISSUER || "https://login.example.com/realms/mcp";
const AUDIENCE = process.env.MCP_RESOURCE || "https://analytics-mcp.example.com/mcp";
exports.verifyOptions = {
    issuer: ISSUER,
    audience: AUDIENCE,
    algorithms: ["RS256"],
};
//# sourceMappingURL=options.js.map
