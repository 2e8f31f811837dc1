// MCP server receiving Slack Events API requests, computing the v0 signature and comparing it with X-Slack-Signature by !==; Slack "verifying requests" (constant-time compare), CWE-208.
import express from 'express';
import { createHmac } from 'node:crypto';

const router = express.Router();
const signingSecret = process.env.SLACK_SIGNING_SECRET!;

router.post('/slack/events', express.text({ type: '*/*' }), (req, res) => {
  const timestamp = req.get('x-slack-request-timestamp') ?? '';
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return res.status(400).send('stale');
  const base = `v0:${timestamp}:${req.body}`;
  const mySignature = 'v0=' + createHmac('sha256', signingSecret).update(base).digest('hex');
  const slackSignature = req.get('x-slack-signature');
  // held-out: secret-compare-not-constant-time
  if (mySignature !== slackSignature) return res.status(401).send('invalid signature');
  const event = JSON.parse(req.body);
  if (event.type === 'url_verification') return res.json({ challenge: event.challenge });
  res.sendStatus(200);
});

export default router;
