// Webhook route of a Linear-to-MCP bridge that trusts verifySignature() from lib/signature.ts.
import express from 'express';
import { verifySignature } from './lib/signature.js';
import { pushNotification } from './mcp-notify.js';

export const webhooks = express.Router();

webhooks.post('/webhooks/linear', express.raw({ type: '*/*' }), async (req, res) => {
  if (!verifySignature(req.body, req.get('linear-signature'), process.env.LINEAR_WEBHOOK_SECRET!)) {
    return res.status(401).end();
  }
  await pushNotification(JSON.parse(req.body.toString()));
  res.sendStatus(200);
});
