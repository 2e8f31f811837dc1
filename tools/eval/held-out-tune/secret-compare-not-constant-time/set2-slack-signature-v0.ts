// Slack request verification for an MCP-backed Slack bot: the v0= HMAC is compared with === (Slack: compare signatures with a constant-time function; CWE-208).
import { createHmac } from 'node:crypto';
import type { Request, Response, NextFunction } from 'express';

const signingSecret = process.env.SLACK_SIGNING_SECRET!;

export function verifySlackRequest(req: Request & { rawBody?: Buffer }, res: Response, next: NextFunction) {
  const timestamp = req.header('X-Slack-Request-Timestamp');
  const slackSignature = req.header('X-Slack-Signature');
  if (!timestamp || !slackSignature) return res.status(400).send('missing Slack headers');
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 60 * 5) return res.status(400).send('stale request');

  const base = `v0:${timestamp}:${req.rawBody?.toString('utf8') ?? ''}`;
  const mySignature = 'v0=' + createHmac('sha256', signingSecret).update(base).digest('hex');
  // held-out: secret-compare-not-constant-time
  if (mySignature === slackSignature) return next();
  res.status(401).send('invalid signature');
}
