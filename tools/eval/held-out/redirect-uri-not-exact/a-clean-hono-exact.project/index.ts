// held-out: clean — the Worker redirects only to the registered entry that equals the requested redirect_uri (strict ===)
// Hono authorization endpoint on Cloudflare Workers (SEC: exact redirect URI validation; BP: no pattern matching).
import { Hono } from 'hono';
import { loadClient } from './clients.js';

type Env = { Bindings: { CLIENTS: KVNamespace; CODES: KVNamespace } };
const app = new Hono<Env>();

app.get('/authorize', async (c) => {
  const client = await loadClient(c.env.CLIENTS, c.req.query('client_id') ?? '');
  const requested = c.req.query('redirect_uri');
  const registered = client?.redirect_uris.find((u) => u === requested);
  if (!registered) return c.text('redirect_uri not registered', 400);

  const code = crypto.randomUUID();
  await c.env.CODES.put(code, JSON.stringify({ client: client!.client_id, redirect_uri: registered, challenge: c.req.query('code_challenge') }), { expirationTtl: 120 });
  const back = new URL(registered);
  back.searchParams.set('code', code);
  const state = c.req.query('state');
  if (state) back.searchParams.set('state', state);
  return c.redirect(back.href);
});

export default app;
