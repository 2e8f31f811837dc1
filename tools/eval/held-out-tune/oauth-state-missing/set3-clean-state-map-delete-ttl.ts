// held-out: clean — pending states live in a Map with a TTL; the callback takes the entry out (single use) before redeeming the code
// MCP proxy's upstream OAuth with an in-memory state table that expires and consumes entries
import express from 'express';
import { randomBytes } from 'node:crypto';
import { redeemUpstreamCode } from './upstream.js';

const STATE_TTL_MS = 10 * 60 * 1000;
const pending = new Map<string, { expires: number; mcpClientId: string }>();

function takeState(state: string) {
  const entry = pending.get(state);
  pending.delete(state);
  if (!entry || entry.expires < Date.now()) return undefined;
  return entry;
}

setInterval(() => {
  const now = Date.now();
  for (const [key, value] of pending) if (value.expires < now) pending.delete(key);
}, 60_000).unref();

const app = express();

app.get('/upstream/authorize', (req, res) => {
  const state = randomBytes(32).toString('hex');
  pending.set(state, { expires: Date.now() + STATE_TTL_MS, mcpClientId: String(req.query.client_id ?? '') });
  const url = new URL('https://gitlab.com/oauth/authorize');
  url.searchParams.set('client_id', process.env.GITLAB_CLIENT_ID!);
  url.searchParams.set('redirect_uri', process.env.GITLAB_REDIRECT_URI!);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('state', state);
  res.redirect(url.toString());
});

app.get('/upstream/callback', async (req, res) => {
  const entry = takeState(String(req.query.state ?? ''));
  if (!entry) return res.status(400).send('invalid or expired state');
  const tokens = await redeemUpstreamCode(String(req.query.code ?? ''));
  res.json({ client: entry.mcpClientId, scope: tokens.scope });
});

app.listen(3000);
