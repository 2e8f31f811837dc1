// MCP server that also receives GitHub webhooks and compares X-Hub-Signature-256 with its HMAC using === (CWE-208; GitHub documents a constant-time comparison for this check)
import express from 'express';
import { createHmac } from 'node:crypto';

const WEBHOOK_SECRET = process.env.GITHUB_WEBHOOK_SECRET ?? '';
const events = [];

const app = express();

app.post('/webhooks/github', express.raw({ type: 'application/json' }), (req, res) => {
  const signature = req.get('x-hub-signature-256');
  if (!signature) return res.status(400).send('missing signature');

  const digest = 'sha256=' + createHmac('sha256', WEBHOOK_SECRET).update(req.body).digest('hex');
  // held-out: secret-compare-not-constant-time
  if (signature === digest) {
    const payload = JSON.parse(req.body.toString('utf8'));
    events.push({ type: req.get('x-github-event'), repo: payload.repository?.full_name, at: Date.now() });
    if (events.length > 500) events.shift();
    return res.status(204).end();
  }
  return res.status(401).send('bad signature');
});

// The MCP side exposes the buffered events as a tool result.
app.post('/mcp', express.json(), (req, res) => {
  const { id, method } = req.body;
  if (method === 'tools/call') {
    return res.json({ jsonrpc: '2.0', id, result: { content: [{ type: 'text', text: JSON.stringify(events.slice(-20)) }] } });
  }
  res.json({ jsonrpc: '2.0', id, result: { tools: [{ name: 'recent_events', inputSchema: { type: 'object' } }] } });
});

app.listen(3000);
