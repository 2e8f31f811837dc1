// held-out: clean — the query carries a short-lived single-use ticket (the mitigation for EventSource), redeemed once; the access token itself stays in headers.
// SSE endpoint redeeming a one-time stream ticket issued to an authenticated client — AUTH: tokens stay out of the URI.
import express from 'express';
import { randomBytes } from 'node:crypto';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { verifier } from './verifier.js';

const tickets = new Map<string, { clientId: string; expires: number }>();
const app = express();

app.post('/stream-ticket', requireBearerAuth({ verifier }), (req, res) => {
  const ticket = randomBytes(24).toString('base64url');
  tickets.set(ticket, { clientId: req.auth!.clientId, expires: Date.now() + 30_000 });
  res.json({ ticket });
});

app.get('/events', (req, res) => {
  const ticket = String(req.query.ticket ?? '');
  const entry = tickets.get(ticket);
  tickets.delete(ticket);
  if (!entry || entry.expires < Date.now()) return res.sendStatus(401);
  res.writeHead(200, { 'Content-Type': 'text/event-stream' });
  res.write(`data: ${JSON.stringify({ hello: entry.clientId })}\n\n`);
});

app.listen(3000, '127.0.0.1');
