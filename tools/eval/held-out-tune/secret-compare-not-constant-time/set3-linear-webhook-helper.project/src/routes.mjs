// Routes: the Linear webhook uses verifyLinearSignature from signature.mjs; MCP tools read what the webhook stored
import express from 'express';
import { verifyLinearSignature } from './signature.mjs';

const recentIssues = [];
export const router = express.Router();

router.post('/webhooks/linear', express.raw({ type: 'application/json' }), (req, res) => {
  if (!verifyLinearSignature(req.body, req.get('linear-signature'))) {
    return res.status(401).json({ error: 'invalid signature' });
  }
  const event = JSON.parse(req.body.toString('utf8'));
  if (event.type === 'Issue' && event.action === 'create') {
    recentIssues.unshift({ id: event.data.id, title: event.data.title });
    recentIssues.splice(50);
  }
  res.sendStatus(200);
});

router.post('/mcp', express.json(), (req, res) => {
  res.json({ jsonrpc: '2.0', id: req.body.id, result: { content: [{ type: 'text', text: JSON.stringify(recentIssues) }] } });
});
