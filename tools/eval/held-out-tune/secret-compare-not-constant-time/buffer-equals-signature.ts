// Webhook receiver of an MCP server comparing the presented signature with its HMAC through Buffer#equals, which is not constant-time; Stripe/GitHub webhook guidance, CWE-208.
import { Hono } from 'hono';
import { createHmac } from 'node:crypto';

const app = new Hono();

app.post('/hooks/billing', async (c) => {
  const raw = await c.req.text();
  const header = c.req.header('x-billing-signature') ?? '';
  const expectedSignature = createHmac('sha256', process.env.BILLING_WEBHOOK_SECRET!).update(raw).digest();
  const presentedSignature = Buffer.from(header, 'hex');
  // held-out: secret-compare-not-constant-time
  if (!presentedSignature.equals(expectedSignature)) return c.text('invalid signature', 401);
  return c.json({ received: true });
});

export default app;
