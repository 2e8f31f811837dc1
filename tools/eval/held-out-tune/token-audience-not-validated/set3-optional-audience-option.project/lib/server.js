// MCP server that builds the shared validator without an audience, so jose never checks aud (AUTH: "MUST validate that access tokens were issued specifically for them as the intended audience"); the validator class is in jwt-validator.js
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { InvalidTokenError } from '@modelcontextprotocol/sdk/server/auth/errors.js';
import { JwtAccessTokenValidator } from './jwt-validator.js';

const ISSUER = process.env.ISSUER || 'https://login.example-sso.com';

// held-out: token-audience-not-validated
const validator = new JwtAccessTokenValidator({ jwksUri: `${ISSUER}/.well-known/jwks.json`, issuer: ISSUER });

const verifier = {
  async verifyAccessToken(token) {
    try {
      const claims = await validator.validate(token);
      return { token, clientId: claims.client_id ?? claims.azp, scopes: (claims.scope ?? '').split(' '), expiresAt: claims.exp };
    } catch (err) {
      throw new InvalidTokenError(err.message);
    }
  },
};

const app = express();
app.use(express.json());
app.post('/mcp', requireBearerAuth({ verifier }), async (req, res) => {
  const server = new McpServer({ name: 'expenses', version: '0.5.2' });
  server.tool('submit_expense', 'Submit an expense', async () => ({ content: [{ type: 'text', text: 'submitted' }] }));
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(process.env.PORT || 3000);
