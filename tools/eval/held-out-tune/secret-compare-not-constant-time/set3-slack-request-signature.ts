// Slack-integrated MCP server verifying Slack request signatures (v0) with === instead of a constant-time compare (CWE-208; Slack's docs ask for a constant-time comparison)
import express from 'express';
import crypto from 'node:crypto';

const signingSecret = process.env.SLACK_SIGNING_SECRET!;

export function isValidSlackRequest(rawBody: string, timestamp: string | undefined, slackSignature: string | undefined): boolean {
  if (!timestamp || !slackSignature) return false;
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 60 * 5) return false;
  const base = `v0:${timestamp}:${rawBody}`;
  const mySignature = `v0=${crypto.createHmac('sha256', signingSecret).update(base, 'utf8').digest('hex')}`;
  // held-out: secret-compare-not-constant-time
  return mySignature === slackSignature;
}

const app = express();
app.use('/slack/commands', express.text({ type: '*/*' }));

app.post('/slack/commands', (req, res) => {
  const ok = isValidSlackRequest(req.body, req.get('X-Slack-Request-Timestamp'), req.get('X-Slack-Signature'));
  if (!ok) return res.status(401).send('invalid signature');
  const params = new URLSearchParams(req.body);
  res.json({ response_type: 'ephemeral', text: `MCP bridge received ${params.get('command')} ${params.get('text') ?? ''}` });
});

app.listen(3000);
