// Billing webhook with a Stripe-style "t=…,v1=…" header whose v1 HMAC is compared with != (Stripe: use a constant-time comparison for signatures; CWE-208).
import { createHmac } from 'node:crypto';
import { Hono } from 'hono';
import { recordUsage } from './billing.js';

type Bindings = { BILLING_WEBHOOK_SECRET: string };
const app = new Hono<{ Bindings: Bindings }>();

function parseSignatureHeader(header: string): { t?: string; v1?: string } {
  return Object.fromEntries(header.split(',').map((part) => part.split('=', 2) as [string, string]));
}

app.post('/webhooks/billing', async (c) => {
  const payload = await c.req.text();
  const { t, v1 } = parseSignatureHeader(c.req.header('billing-signature') ?? '');
  if (!t || !v1) return c.text('missing signature', 400);
  const computed = createHmac('sha256', c.env.BILLING_WEBHOOK_SECRET).update(`${t}.${payload}`).digest('hex');
  // held-out: secret-compare-not-constant-time
  if (v1 != computed) return c.text('signature mismatch', 400);
  await recordUsage(JSON.parse(payload));
  return c.json({ received: true });
});

export default app;
