// MCP SDK requireBearerAuth with a verifier for one pre-shared token, compared by !== (CWE-208; the SDK leaves the comparison to the verifier)
import express from 'express';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { InvalidTokenError } from '@modelcontextprotocol/sdk/server/auth/errors.js';
import type { OAuthTokenVerifier } from '@modelcontextprotocol/sdk/server/auth/provider.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const SHARED_TOKEN = process.env.MCP_SHARED_TOKEN ?? '';

class StaticTokenVerifier implements OAuthTokenVerifier {
  constructor(private readonly expectedToken: string) {}

  async verifyAccessToken(token: string) {
    // held-out: secret-compare-not-constant-time
    if (!this.expectedToken || token !== this.expectedToken) {
      throw new InvalidTokenError('unknown token');
    }
    return { token, clientId: 'static', scopes: ['tools'], expiresAt: Math.floor(Date.now() / 1000) + 3600 };
  }
}

const app = express();
app.use(express.json());
app.post('/mcp', requireBearerAuth({ verifier: new StaticTokenVerifier(SHARED_TOKEN) }), async (req, res) => {
  const server = new McpServer({ name: 'home-assistant-bridge', version: '0.4.0' });
  server.tool('lights', 'Which lights are on', async () => ({ content: [{ type: 'text', text: 'kitchen, hallway' }] }));
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(8123);
