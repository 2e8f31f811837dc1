// Hono MCP server on Node: bearer middleware verifies Auth0 access tokens with jose, issuer pinned, audience never checked (AUTH, token handling: tokens must be "issued specifically for them as the intended audience")
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { HTTPException } from 'hono/http-exception';
import { serve } from '@hono/node-server';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { StreamableHTTPTransport } from '@hono/mcp';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

type Env = { Variables: { claims: JWTPayload } };

const AUTH0_DOMAIN = process.env.AUTH0_DOMAIN!;
const JWKS = createRemoteJWKSet(new URL(`https://${AUTH0_DOMAIN}/.well-known/jwks.json`));

const bearer = createMiddleware<Env>(async (c, next) => {
  const authorization = c.req.header('Authorization');
  const token = authorization?.startsWith('Bearer ') ? authorization.slice(7) : undefined;
  if (!token) {
    c.header('WWW-Authenticate', `Bearer resource_metadata="${new URL('/.well-known/oauth-protected-resource', c.req.url)}"`);
    throw new HTTPException(401, { message: 'missing bearer token' });
  }
  try {
    // held-out: token-audience-not-validated
    const { payload } = await jwtVerify(token, JWKS, { issuer: `https://${AUTH0_DOMAIN}/`, algorithms: ['RS256'] });
    c.set('claims', payload);
  } catch {
    throw new HTTPException(401, { message: 'invalid token' });
  }
  await next();
});

const mcp = new McpServer({ name: 'calendar-mcp', version: '0.9.0' });
mcp.tool('today', 'Events for today', async () => ({ content: [{ type: 'text', text: '[]' }] }));

const app = new Hono<Env>();
app.get('/.well-known/oauth-protected-resource', (c) =>
  c.json({ resource: new URL('/mcp', c.req.url).href, authorization_servers: [`https://${AUTH0_DOMAIN}/`] }),
);
app.all('/mcp', bearer, async (c) => {
  const transport = new StreamableHTTPTransport();
  await mcp.connect(transport);
  return transport.handleRequest(c);
});

serve({ fetch: app.fetch, port: 8787 });
