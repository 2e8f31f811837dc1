// held-out: clean — the token is presented only to its own issuer's userinfo endpoint to learn who the caller is; upstream work uses a service token
// Hono MCP server that resolves the caller's email at the issuer (OIDC userinfo) and then queries a directory with its own key (MCP 2026-07-28 authorization, token handling).
import { Hono } from 'hono';

const ISSUER = 'https://login.example-idp.com';

const app = new Hono<{ Bindings: { DIRECTORY_KEY: string } }>();

app.post('/mcp/tools/my_team', async (c) => {
  const authorization = c.req.header('Authorization');
  if (!authorization) return c.body(null, 401, { 'WWW-Authenticate': 'Bearer' });

  const me = await fetch(`${ISSUER}/userinfo`, { headers: { Authorization: authorization } });
  if (!me.ok) return c.body(null, 401, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
  const { email } = await me.json<{ email: string }>();

  const team = await fetch(`https://directory.example.com/api/teams?member=${encodeURIComponent(email)}`, {
    headers: { 'X-Api-Key': c.env.DIRECTORY_KEY },
  });
  return c.json({ content: [{ type: 'text', text: await team.text() }] });
});

export default app;
