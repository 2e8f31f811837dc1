// held-out: clean — registration only checks what kind of URI it is (https, or http on a loopback host); authorization then compares exactly
// Dynamic client registration and /authorize of an MCP authorization server (MCP 2026-07-28 authorization: redirect URIs must be localhost or HTTPS; security considerations: exact match).
import { Hono } from 'hono';
import { randomBytes } from 'node:crypto';
import { clients, codes } from './kv.js';

const app = new Hono();

function acceptableRedirectUri(uri: string): boolean {
  try {
    const url = new URL(uri);
    if (url.hash) return false;
    if (url.protocol === 'https:') return true;
    return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  } catch {
    return false;
  }
}

app.post('/register', async (c) => {
  const body = await c.req.json<{ redirect_uris?: string[]; client_name?: string }>();
  const uris = body.redirect_uris ?? [];
  if (uris.length === 0 || !uris.every(acceptableRedirectUri)) return c.json({ error: 'invalid_redirect_uri' }, 400);
  const client_id = randomBytes(16).toString('hex');
  await clients.put(client_id, { client_id, redirect_uris: uris, client_name: body.client_name });
  return c.json({ client_id, redirect_uris: uris, token_endpoint_auth_method: 'none' }, 201);
});

app.get('/authorize', async (c) => {
  const client = await clients.get(c.req.query('client_id') ?? '');
  const redirectUri = c.req.query('redirect_uri') ?? '';
  if (!client || !client.redirect_uris.includes(redirectUri)) return c.text('invalid redirect_uri', 400);
  const code = randomBytes(32).toString('base64url');
  await codes.put(code, { clientId: client.client_id, redirectUri, challenge: c.req.query('code_challenge') });
  return c.redirect(`${redirectUri}${redirectUri.includes('?') ? '&' : '?'}code=${code}&state=${encodeURIComponent(c.req.query('state') ?? '')}`);
});

export default app;
