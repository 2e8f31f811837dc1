// held-out: clean — the Worker looks the client up in KV and accepts the redirect_uri only if a Set of its registered URIs has exactly that string.
// Hono on Cloudflare Workers: authorization endpoint of a remote MCP server; MCP security considerations, open redirection.
import { Hono } from 'hono';

type Bindings = { CLIENTS: KVNamespace };
type StoredClient = { clientId: string; redirectUris: string[]; name: string };

const app = new Hono<{ Bindings: Bindings }>();

app.get('/authorize', async (c) => {
  const clientId = c.req.query('client_id') ?? '';
  const redirectUri = c.req.query('redirect_uri') ?? '';
  const stored = await c.env.CLIENTS.get<StoredClient>(`client:${clientId}`, 'json');
  if (!stored) return c.text('Unknown client', 400);
  const registeredRedirects = new Set(stored.redirectUris);
  if (!registeredRedirects.has(redirectUri)) return c.text('redirect_uri is not registered for this client', 400);
  return c.html(`<form method="post" action="/authorize"><p>${stored.name.replace(/[<>&"]/g, '')} wants access.</p>
    <input type="hidden" name="client_id" value="${encodeURIComponent(clientId)}">
    <input type="hidden" name="redirect_uri" value="${encodeURIComponent(redirectUri)}">
    <button>Allow</button></form>`);
});

export default app;
