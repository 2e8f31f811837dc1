// held-out: clean — presented API keys are hashed with SHA-256 and looked up by digest; no secret string is ever compared directly
// Hono middleware for a multi-tenant MCP server; keys are stored only as hashes (comparison of hashes).
import { Hono } from 'hono';
import { createHash } from 'node:crypto';

type Tenant = { id: string; plan: 'free' | 'pro' };
const tenantsByKeyHash = new Map<string, Tenant>(
  Object.entries(JSON.parse(process.env.TENANT_KEY_HASHES ?? '{}') as Record<string, Tenant>),
);

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

const app = new Hono<{ Variables: { tenant: Tenant } }>();

app.use('/mcp', async (c, next) => {
  const apiKey = c.req.header('x-api-key');
  const tenant = apiKey ? tenantsByKeyHash.get(sha256(apiKey)) : undefined;
  if (!tenant) return c.json({ error: 'invalid api key' }, 401);
  c.set('tenant', tenant);
  await next();
});

app.post('/mcp', (c) => c.json({ tenant: c.get('tenant').id }));
export default app;
