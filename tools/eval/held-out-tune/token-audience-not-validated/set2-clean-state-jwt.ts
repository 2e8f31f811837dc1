// held-out: clean — the verified JWT is the server's own signed `state` for its upstream OAuth round trip, not an access token
// Callback of an MCP proxy's upstream GitHub login (MCP 2026-07-28 security best practices, state handling).
import { Hono } from 'hono';
import { jwtVerify } from 'jose';
import { exchangeGithubCode } from './github.js';

const app = new Hono<{ Bindings: { STATE_SIGNING_KEY: string } }>();

app.get('/callback', async (c) => {
  const key = new TextEncoder().encode(c.env.STATE_SIGNING_KEY);
  const state = c.req.query('state');
  if (!state) return c.text('missing state', 400);
  const { payload } = await jwtVerify(state, key, { algorithms: ['HS256'], maxTokenAge: '10m' });
  const cookieNonce = c.req.header('cookie')?.match(/__Host-login=([^;]+)/)?.[1];
  if (!cookieNonce || payload.nonce !== cookieNonce) return c.text('state does not belong to this browser', 400);
  const grant = await exchangeGithubCode(c.req.query('code')!, String(payload.verifier));
  return c.redirect(`/finish?grant=${grant.id}`);
});

export default app;
