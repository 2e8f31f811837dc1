// held-out: clean — Math.random only jitters retry delays; the OAuth state is randomUUID, checked on the callback and removed after one use
// Upstream OAuth helper of an MCP server with a retrying token request (BP: cryptographically secure, single-use state).
import express from 'express';
import { randomUUID } from 'node:crypto';

const states = new Map<string, number>();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function postWithRetry(url: string, body: URLSearchParams, attempts = 3): Promise<Response> {
  for (let i = 0; ; i++) {
    const res = await fetch(url, { method: 'POST', body });
    if (res.status < 500 || i >= attempts - 1) return res;
    await sleep(2 ** i * 250 + Math.random() * 100);
  }
}

export const oauth = express.Router();

oauth.get('/box/start', (_req, res) => {
  const state = randomUUID();
  states.set(state, Date.now() + 600_000);
  res.redirect(`https://account.box.com/api/oauth2/authorize?response_type=code&client_id=${process.env.BOX_CLIENT_ID}&state=${state}`);
});

oauth.get('/box/callback', async (req, res) => {
  const state = String(req.query.state ?? '');
  const deadline = states.get(state);
  states.delete(state);
  if (!deadline || deadline < Date.now()) return res.status(400).send('bad state');
  const r = await postWithRetry('https://api.box.com/oauth2/token', new URLSearchParams({ grant_type: 'authorization_code', code: String(req.query.code), client_id: process.env.BOX_CLIENT_ID!, client_secret: process.env.BOX_CLIENT_SECRET! }));
  res.json({ connected: r.ok });
});
