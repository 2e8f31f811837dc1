// MCP server whose bearer verifier trusts Keycloak introspection's `active` and expiry but never its aud (AUTH: "MUST validate that access tokens were issued specifically for them as the intended audience"); the introspection call lives in introspect.ts
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { InvalidTokenError } from '@modelcontextprotocol/sdk/server/auth/errors.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/types.js';
import { introspect } from './introspect.js';

async function verifyAccessToken(token: string): Promise<AuthInfo> {
  const result = await introspect(token);
  // held-out: token-audience-not-validated
  if (!result.active || (result.exp !== undefined && result.exp * 1000 < Date.now())) {
    throw new InvalidTokenError('inactive or expired token');
  }
  return {
    token,
    clientId: result.azp ?? 'unknown',
    scopes: (result.scope ?? '').split(' ').filter(Boolean),
    expiresAt: result.exp,
    extra: { username: result.preferred_username },
  };
}

const app = express();
app.use(express.json());

app.all('/mcp', requireBearerAuth({ verifier: { verifyAccessToken }, requiredScopes: ['mcp:tools'] }), async (req, res) => {
  const server = new McpServer({ name: 'keycloak-demo', version: '0.1.0' });
  server.tool('profile', 'Show the caller', async (extra) => ({
    content: [{ type: 'text', text: String(extra.authInfo?.extra?.username ?? 'anonymous') }],
  }));
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(Number(process.env.PORT ?? 3000));
