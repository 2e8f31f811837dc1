// held-out: clean — API keys are stored only as SHA-256 hashes; the presented key is hashed and the digests are compared, so timing says nothing about the key.
// Hono MCP server authenticating API keys against a database of key hashes; CWE-208 / storing secrets hashed.
import { Hono } from 'hono';
import { createHash } from 'node:crypto';
import { db } from './db';

const sha256Hex = (value: string) => createHash('sha256').update(value).digest('hex');

export const app = new Hono<{ Variables: { accountId: string } }>();

app.use('/mcp', async (c, next) => {
  const apiKey = c.req.header('x-api-key');
  if (!apiKey) return c.json({ error: 'missing key' }, 401);
  const prefix = apiKey.slice(0, 8);
  const record = await db.apiKeys.findFirst({ where: { prefix, revokedAt: null } });
  if (!record || sha256Hex(apiKey) !== record.keyHash) return c.json({ error: 'invalid key' }, 401);
  c.set('accountId', record.accountId);
  await next();
});
