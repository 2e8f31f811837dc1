// OAuth login of the MCP server using randomId from ids.js as its state — security best practices: "generate a cryptographically secure random state"
import express from 'express';
import { randomId, requestId } from './ids.js';
import { exchangeBoxCode } from './box.js';

const states = new Map();
export const oauthRouter = express.Router();

oauthRouter.get('/box/login', (req, res) => {
  // held-out: oauth-state-missing
  const state = randomId('st_');
  states.set(state, { createdAt: Date.now(), requestId: requestId() });
  const url = new URL('https://account.box.com/api/oauth2/authorize');
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', process.env.BOX_CLIENT_ID);
  url.searchParams.set('redirect_uri', process.env.BOX_REDIRECT_URI);
  url.searchParams.set('state', state);
  res.redirect(url.toString());
});

oauthRouter.get('/box/callback', async (req, res) => {
  const pending = states.get(req.query.state);
  states.delete(req.query.state);
  if (!pending || Date.now() - pending.createdAt > 10 * 60 * 1000) {
    return res.status(400).send('invalid state');
  }
  await exchangeBoxCode(String(req.query.code));
  res.send('Box connected');
});
