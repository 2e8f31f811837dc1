// held-out: clean — Math.random only jitters the token-refresh retry delay; state comes from randomBytes and is checked once, so nothing about the flow is predictable.
// Express MCP server with a Box integration and a backoff helper; MCP BP state parameter.
import express from 'express';
import { randomBytes } from 'node:crypto';

const app = express();
const issued = new Set<string>();

const backoff = (attempt: number) => Math.min(30_000, 2 ** attempt * 250) + Math.floor(Math.random() * 250);

async function withRetry<T>(fn: () => Promise<T>, attempts = 4): Promise<T> {
  for (let i = 0; ; i++) {
    try { return await fn(); } catch (e) {
      if (i + 1 >= attempts) throw e;
      await new Promise((r) => setTimeout(r, backoff(i)));
    }
  }
}

app.get('/box/login', (_req, res) => {
  const state = randomBytes(24).toString('hex');
  issued.add(state);
  setTimeout(() => issued.delete(state), 10 * 60_000).unref();
  res.redirect(`https://account.box.com/api/oauth2/authorize?response_type=code&client_id=${process.env.BOX_CLIENT_ID}&redirect_uri=${encodeURIComponent(process.env.BOX_REDIRECT_URI!)}&state=${state}`);
});

app.get('/box/callback', async (req, res) => {
  const state = String(req.query.state ?? '');
  if (!issued.delete(state)) return res.status(400).send('unknown state');
  const tokens = await withRetry(() =>
    fetch('https://api.box.com/oauth2/token', {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'authorization_code', code: String(req.query.code), client_id: process.env.BOX_CLIENT_ID!, client_secret: process.env.BOX_CLIENT_SECRET! }),
    }).then((r) => { if (!r.ok) throw new Error(String(r.status)); return r.json(); }),
  );
  res.json({ connected: Boolean(tokens) });
});

export default app;
