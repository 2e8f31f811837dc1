// Hono app receiving GitHub webhooks that invalidate the MCP server's cached repository data.
import { Hono } from 'hono';
import { validSignature } from './signature.js';
import { invalidate } from './cache.js';

const app = new Hono();

app.post('/github/webhook', async (c) => {
  const body = await c.req.text();
  if (!validSignature(process.env.GITHUB_WEBHOOK_SECRET!, body, c.req.header('x-hub-signature-256'))) {
    return c.text('signature mismatch', 401);
  }
  if (c.req.header('x-github-event') === 'push') await invalidate(JSON.parse(body).repository.full_name);
  return c.body(null, 204);
});

export default app;
