// held-out: clean — the GitHub signature is compared with crypto.timingSafeEqual after an equal-length check, as GitHub documents
// Webhook receiver of an MCP server (GitHub: validating webhook deliveries; CWE-208 defence).
import { createHmac, timingSafeEqual } from 'node:crypto';
import express from 'express';
import { handleEvent } from './events.js';

const app = express();
const secret = process.env.GITHUB_WEBHOOK_SECRET!;

app.post('/github/webhook', express.raw({ type: 'application/json' }), (req, res) => {
  const received = Buffer.from(req.get('x-hub-signature-256') ?? '', 'utf8');
  const expected = Buffer.from('sha256=' + createHmac('sha256', secret).update(req.body).digest('hex'), 'utf8');
  if (received.length !== expected.length || !timingSafeEqual(received, expected)) {
    return res.status(401).send('signature mismatch');
  }
  handleEvent(req.get('x-github-event') ?? 'unknown', JSON.parse(req.body.toString('utf8')));
  res.sendStatus(204);
});

app.listen(3000);
