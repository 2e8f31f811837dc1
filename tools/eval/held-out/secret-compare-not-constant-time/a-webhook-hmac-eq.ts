// secret-compare-not-constant-time: a Hono webhook receiver compares the computed HMAC with the X-Signature header using === — timing-safe comparison of webhook signatures
import { Hono } from 'hono';
import { createHmac } from 'node:crypto';

const app = new Hono();
const SECRET = process.env.WEBHOOK_SECRET!;

app.post('/webhooks/linear', async (c) => {
  const raw = await c.req.text();
  const expected = createHmac('sha256', SECRET).update(raw).digest('hex');
  const received = c.req.header('linear-signature') ?? '';
  // held-out: secret-compare-not-constant-time
  if (expected !== received) return c.text('bad signature', 401);
  const event = JSON.parse(raw);
  await queueRefresh(event);
  return c.text('ok');
});

async function queueRefresh(_event: unknown) {}

export default app;
