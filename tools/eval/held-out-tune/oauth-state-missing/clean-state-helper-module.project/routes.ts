// held-out: clean — the callback rejects the request unless consumeState (state.ts) matches and consumes the issued state, before redeeming the code.
// Routes of an Express MCP server's Linear connection; MCP BP state parameter.
import express from 'express';
import { issueState, consumeState } from './state.js';

export const linear = express.Router();

linear.get('/linear/connect', (req, res) => {
  const url = new URL('https://linear.app/oauth/authorize');
  url.searchParams.set('client_id', process.env.LINEAR_CLIENT_ID!);
  url.searchParams.set('redirect_uri', process.env.LINEAR_REDIRECT_URI!);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', 'read');
  url.searchParams.set('state', issueState(req));
  res.redirect(url.href);
});

linear.get('/linear/callback', async (req, res) => {
  if (!consumeState(req)) return res.status(400).send('Invalid or expired state');
  const tokenRes = await fetch('https://api.linear.app/oauth/token', {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: String(req.query.code),
      redirect_uri: process.env.LINEAR_REDIRECT_URI!,
      client_id: process.env.LINEAR_CLIENT_ID!,
      client_secret: process.env.LINEAR_CLIENT_SECRET!,
    }),
  });
  res.status(tokenRes.ok ? 200 : 502).send(tokenRes.ok ? 'Linear connected' : 'Could not connect Linear');
});
