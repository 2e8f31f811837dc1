// held-out: clean — the X-Hub-Signature-256 header is compared with the computed HMAC by crypto.timingSafeEqual after an equal-length check
// GitHub webhook receiver of an MCP server, as GitHub's documentation recommends
import express from 'express';
import { createHmac, timingSafeEqual } from 'node:crypto';

const secret = process.env.GITHUB_WEBHOOK_SECRET ?? '';

function validSignature(rawBody, header) {
  if (typeof header !== 'string' || !header.startsWith('sha256=')) return false;
  const expected = Buffer.from('sha256=' + createHmac('sha256', secret).update(rawBody).digest('hex'), 'utf8');
  const received = Buffer.from(header, 'utf8');
  if (received.length !== expected.length) return false;
  return timingSafeEqual(received, expected);
}

const app = express();
const queue = [];

app.post('/webhooks/github', express.raw({ type: 'application/json' }), (req, res) => {
  if (!validSignature(req.body, req.get('x-hub-signature-256'))) return res.status(401).send('bad signature');
  const event = req.get('x-github-event');
  if (event === 'ping') return res.status(200).send('pong');
  queue.push({ event, delivery: req.get('x-github-delivery'), body: JSON.parse(req.body.toString('utf8')) });
  res.status(202).end();
});

app.listen(3000);
