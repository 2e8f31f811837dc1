// held-out: clean — the incoming token is sent only to its own authorization server's introspection endpoint to validate it; upstream calls use a client-credentials token (near-miss)
// Hono MCP server on Node that introspects tokens (RFC 7662) and calls the inventory API as itself
import { Hono } from 'hono';
import { serve } from '@hono/node-server';

const AS = process.env.AUTH_SERVER ?? 'https://auth.example.com';
const RS_BASIC = btoa(`${process.env.RS_CLIENT_ID}:${process.env.RS_CLIENT_SECRET}`);

async function introspect(token: string) {
  const res = await fetch(`${AS}/oauth2/introspect`, {
    method: 'POST',
    headers: { Authorization: `Basic ${RS_BASIC}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token }),
  });
  return (await res.json()) as { active: boolean; aud?: string[]; sub?: string };
}

let serviceToken: { value: string; expiresAt: number } | undefined;
async function inventoryToken(): Promise<string> {
  if (serviceToken && serviceToken.expiresAt > Date.now() + 30_000) return serviceToken.value;
  const res = await fetch(`${AS}/oauth2/token`, {
    method: 'POST',
    headers: { Authorization: `Basic ${RS_BASIC}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'inventory.read' }),
  });
  const body = (await res.json()) as { access_token: string; expires_in: number };
  serviceToken = { value: body.access_token, expiresAt: Date.now() + body.expires_in * 1000 };
  return serviceToken.value;
}

const app = new Hono();
app.post('/mcp', async (c) => {
  const token = c.req.header('Authorization')?.replace(/^Bearer /, '');
  const info = token ? await introspect(token) : undefined;
  if (!info?.active || !info.aud?.includes('https://inventory-mcp.example.com')) return c.json({ error: 'invalid_token' }, 401);
  const stock = await fetch('https://inventory.example.com/v1/stock', { headers: { Authorization: `Bearer ${await inventoryToken()}` } });
  const rpc = await c.req.json<{ id: number }>();
  return c.json({ jsonrpc: '2.0', id: rpc.id, result: { content: [{ type: 'text', text: await stock.text() }] } });
});

serve({ fetch: app.fetch, port: 8787 });
