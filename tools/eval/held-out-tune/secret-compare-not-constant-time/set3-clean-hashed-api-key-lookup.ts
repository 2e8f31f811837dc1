// held-out: clean — the presented API key is hashed (SHA-256) and the digest compared with the stored hash; timing can only reveal digest bytes (near-miss: === on key material)
// Hono MCP server with per-user API keys stored as hashes in a database
import { Hono } from 'hono';
import { createHash } from 'node:crypto';
import { db } from './db.js';

function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

const app = new Hono<{ Variables: { userId: string } }>();

app.use('/mcp', async (c, next) => {
  const apiKey = c.req.header('x-api-key');
  if (!apiKey) return c.json({ error: 'missing api key' }, 401);
  const prefix = apiKey.slice(0, 8);
  const row = await db.apiKeys.findFirst({ where: { prefix } });
  if (!row || sha256Hex(apiKey) !== row.keyHash) return c.json({ error: 'invalid api key' }, 401);
  c.set('userId', row.userId);
  await next();
});

app.post('/mcp', async (c) => {
  const { id } = await c.req.json<{ id: number }>();
  return c.json({ jsonrpc: '2.0', id, result: { content: [{ type: 'text', text: `hello ${c.get('userId')}` }] } });
});

export default app;
