// MCP server receiving GitHub webhooks and checking X-Hub-Signature-256 against its own HMAC with ===; GitHub "validating webhook deliveries" (use a constant-time compare), CWE-208.
import express from 'express';
import crypto from 'node:crypto';
import { enqueueEvent } from './queue.mjs';

const app = express();
const WEBHOOK_SECRET = process.env.GITHUB_WEBHOOK_SECRET;

app.post('/webhooks/github', express.raw({ type: 'application/json' }), (req, res) => {
  const signature = req.headers['x-hub-signature-256'];
  const digest = 'sha256=' + crypto.createHmac('sha256', WEBHOOK_SECRET).update(req.body).digest('hex');
  // held-out: secret-compare-not-constant-time
  const valid = signature === digest;
  if (!valid) return res.status(401).send('bad signature');
  enqueueEvent(req.headers['x-github-event'], JSON.parse(req.body.toString('utf8')));
  res.status(202).end();
});

export default app;
