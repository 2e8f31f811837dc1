// held-out: clean — the callback consumes the state from StateStore and stops unless it was issued and unused
// Upstream login routes of the MCP proxy built on state-store.ts
import express from 'express';
import { StateStore } from './state-store.js';
import { redeem } from './upstream.js';

const states = new StateStore();
export const router = express.Router();

router.get('/login', (req, res) => {
  const state = states.issue(req.query.return_to === '/settings' ? '/settings' : '/');
  const url = new URL('https://bitbucket.org/site/oauth2/authorize');
  url.searchParams.set('client_id', process.env.BITBUCKET_KEY!);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('state', state);
  res.redirect(url.toString());
});

router.get('/callback', async (req, res) => {
  const pending = states.consume(typeof req.query.state === 'string' ? req.query.state : undefined);
  if (!pending) {
    res.status(400).send('invalid state');
    return;
  }
  await redeem(String(req.query.code ?? ''));
  res.redirect(pending.mcpRedirect);
});
