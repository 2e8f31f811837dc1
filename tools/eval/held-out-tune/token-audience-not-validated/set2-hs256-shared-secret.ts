// MCP server (hono) trusting HS256 access tokens signed with the company-wide JWT secret that every internal service shares; no audience is required — MCP 2026-07-28 security considerations: "MUST validate that tokens presented to them were specifically issued for their use".
import { Hono } from 'hono';
import { jwtVerify } from 'jose';
import { StreamableHTTPTransport } from '@hono/mcp';
import { buildServer } from './server.js';

type Bindings = { PLATFORM_JWT_SECRET: string };
const app = new Hono<{ Bindings: Bindings; Variables: { userId: string } }>();

app.use('/mcp', async (c, next) => {
  const bearer = c.req.header('Authorization')?.match(/^Bearer\s+(\S+)$/)?.[1];
  if (!bearer) return c.json({ error: 'invalid_request' }, 401);
  const secret = new TextEncoder().encode(c.env.PLATFORM_JWT_SECRET);
  try {
    // held-out: token-audience-not-validated
    const { payload } = await jwtVerify(bearer, secret, { algorithms: ['HS256'], issuer: 'platform-auth' });
    c.set('userId', String(payload.sub));
  } catch {
    return c.json({ error: 'invalid_token' }, 401);
  }
  await next();
});

app.all('/mcp', async (c) => {
  const transport = new StreamableHTTPTransport();
  await buildServer(c.get('userId')).connect(transport);
  return transport.handleRequest(c);
});

export default app;
