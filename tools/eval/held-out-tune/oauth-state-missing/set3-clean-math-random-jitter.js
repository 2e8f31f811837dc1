// held-out: clean — Math.random only spreads retry delays; the OAuth state is crypto.randomUUID(), stored per login, compared and deleted
// Upstream OAuth of an MCP server with a retrying token request
import express from 'express';
import { randomUUID } from 'node:crypto';

const logins = new Map();
const app = express();

function backoff(attempt) {
  const base = 250 * 2 ** attempt;
  return base + Math.floor(Math.random() * base);
}

async function postWithRetry(url, body, attempts = 3) {
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(url, { method: 'POST', body });
    if (response.status < 500 || attempt + 1 >= attempts) return response;
    await new Promise((resolve) => setTimeout(resolve, backoff(attempt)));
  }
}

app.get('/connect', (req, res) => {
  const state = randomUUID();
  logins.set(state, { startedAt: Date.now() });
  const url = new URL('https://app.hubspot.com/oauth/authorize');
  url.searchParams.set('client_id', process.env.HUBSPOT_CLIENT_ID);
  url.searchParams.set('redirect_uri', process.env.HUBSPOT_REDIRECT_URI);
  url.searchParams.set('scope', 'crm.objects.contacts.read');
  url.searchParams.set('state', state);
  res.redirect(url.toString());
});

app.get('/connect/callback', async (req, res) => {
  const login = logins.get(req.query.state);
  logins.delete(req.query.state);
  if (!login || Date.now() - login.startedAt > 600_000) return res.status(400).send('bad state');
  const response = await postWithRetry('https://api.hubapi.com/oauth/v1/token', new URLSearchParams({
    grant_type: 'authorization_code',
    client_id: process.env.HUBSPOT_CLIENT_ID,
    client_secret: process.env.HUBSPOT_CLIENT_SECRET,
    redirect_uri: process.env.HUBSPOT_REDIRECT_URI,
    code: req.query.code,
  }));
  res.json({ ok: response.ok });
});

app.listen(3000);
