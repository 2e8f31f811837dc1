// tsc output (dist/server.js): Express app that guards /mcp with the SDK's requireBearerAuth fed by tokenVerifier.
"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const express_1 = __importDefault(require("express"));
const bearerAuth_js_1 = require("@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js");
const router_js_1 = require("@modelcontextprotocol/sdk/server/auth/router.js");
const verifier_1 = require("./verifier");
const config_1 = require("./config");
const mcp_1 = require("./mcp");
const app = (0, express_1.default)();
app.use(express_1.default.json());
app.use((0, router_js_1.mcpAuthMetadataRouter)({
    oauthMetadata: { issuer: config_1.config.issuer, authorization_endpoint: `${config_1.config.issuer}/authorize`, token_endpoint: `${config_1.config.issuer}/token`, response_types_supported: ["code"] },
    resourceServerUrl: new URL(`${config_1.config.publicUrl}/mcp`),
}));
app.post("/mcp", (0, bearerAuth_js_1.requireBearerAuth)({ verifier: verifier_1.tokenVerifier }), mcp_1.handleMcpPost);
app.listen(Number(process.env.PORT || 8080));
//# sourceMappingURL=server.js.map
