// held-out: clean — routes compare only event types and ids with ===; signatures are checked in verify.mjs (near-miss)
// Express server: webhook ingestion plus an MCP endpoint that lists the ingested events
import express from 'express';
import { verifyWebhook } from './verify.mjs';

const events = new Map();
const app = express();

app.post('/webhooks/events', express.text({ type: '*/*' }), (req, res) => {
  if (!verifyWebhook(req.body, req.headers)) return res.status(401).end();
  const event = JSON.parse(req.body);
  if (event.type === 'invoice.paid' || event.type === 'invoice.failed') {
    const previous = events.get(event.data.id);
    if (previous && previous.type === event.type) return res.status(200).end();
    events.set(event.data.id, { type: event.type, at: Date.now() });
  }
  res.status(204).end();
});

app.post('/mcp', express.json(), (req, res) => {
  res.json({ jsonrpc: '2.0', id: req.body.id, result: { content: [{ type: 'text', text: JSON.stringify([...events]) }] } });
});

app.listen(3000);
