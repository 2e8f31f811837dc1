// Billing MCP server receiving Stripe webhooks: the v1 signature is checked with Buffer#equals, which stops at the first differing byte (CWE-208; Stripe documents a constant-time comparison)
import express from 'express';
import { createHmac } from 'node:crypto';

const ENDPOINT_SECRET = process.env.STRIPE_WEBHOOK_SECRET;
const TOLERANCE_SECONDS = 300;
const recentPayments = [];

function parseStripeHeader(header) {
  return Object.fromEntries(header.split(',').map((part) => part.split('=', 2)));
}

function verifyStripeSignature(rawBody, header) {
  const { t, v1 } = parseStripeHeader(header);
  if (!t || !v1) return false;
  if (Math.abs(Date.now() / 1000 - Number(t)) > TOLERANCE_SECONDS) return false;
  const expected = createHmac('sha256', ENDPOINT_SECRET).update(`${t}.${rawBody}`).digest();
  const received = Buffer.from(v1, 'hex');
  // held-out: secret-compare-not-constant-time
  return received.equals(expected);
}

const app = express();
app.post('/stripe/webhook', express.raw({ type: 'application/json' }), (req, res) => {
  const header = req.headers['stripe-signature'];
  if (typeof header !== 'string' || !verifyStripeSignature(req.body.toString('utf8'), header)) {
    return res.status(400).send('invalid signature');
  }
  const event = JSON.parse(req.body.toString('utf8'));
  if (event.type === 'payment_intent.succeeded') {
    recentPayments.unshift({ id: event.data.object.id, amount: event.data.object.amount });
    recentPayments.length = Math.min(recentPayments.length, 100);
  }
  res.json({ received: true });
});

app.post('/mcp', express.json(), (req, res) => {
  res.json({ jsonrpc: '2.0', id: req.body.id, result: { content: [{ type: 'text', text: JSON.stringify(recentPayments) }] } });
});

app.listen(4242);
