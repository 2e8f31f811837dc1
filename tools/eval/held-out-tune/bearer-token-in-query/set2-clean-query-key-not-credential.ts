// held-out: clean — ?key= names a cache entry / sort field and ?token= is text to count, neither is a credential; auth is the bearer header
// Hono MCP companion endpoints with generic query names (MCP authorization: Authorization: Bearer header).
import { Hono } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { cache } from './cache.js';
import { countTokens } from './tokenizer.js';

const app = new Hono<{ Bindings: { MCP_TOKEN: string } }>();
app.use('/tools/*', async (c, next) => bearerAuth({ token: c.env.MCP_TOKEN })(c, next));

app.get('/tools/cache', async (c) => {
  const key = c.req.query('key');
  if (!key || !/^[a-z0-9:_-]+$/i.test(key)) return c.json({ error: 'bad key' }, 400);
  return c.json({ key, value: await cache.get(key) });
});

app.get('/tools/list', async (c) => {
  const sortKey = c.req.query('key') === 'title' ? 'title' : 'updatedAt';
  return c.json(await cache.list({ sortBy: sortKey }));
});

app.get('/tools/tokenize', (c) => {
  const token = c.req.query('token') ?? '';
  return c.json({ model: c.req.query('model') ?? 'cl100k', count: countTokens(token) });
});

export default app;
