// Redirect URI check that normalises both URIs to scheme, host and path, ignoring query and fragment — security considerations: "Authorization servers MUST validate exact redirect URIs against pre-registered values"
import express from 'express';
import { randomBytes } from 'node:crypto';
import { loadClient, rememberCode } from './db.js';

function normalizeUri(value) {
  const u = new URL(value);
  return `${u.protocol}//${u.host}${u.pathname.replace(/\/$/, '')}`;
}

const app = express();

app.get('/authorize', async (req, res) => {
  const { client_id, redirect_uri, state, code_challenge } = req.query;
  const client = await loadClient(client_id);
  if (!client) return res.status(400).send('unknown client');
  const requested = redirect_uri ?? client.redirect_uris[0];
  const ok = client.redirect_uris.some(
    // held-out: redirect-uri-not-exact
    (registered) => normalizeUri(registered) === normalizeUri(requested),
  );
  if (!ok) return res.status(400).send('redirect_uri mismatch');
  const code = randomBytes(20).toString('hex');
  await rememberCode(code, { client_id, redirect_uri: requested, code_challenge });
  const target = new URL(requested);
  target.searchParams.set('code', code);
  if (state) target.searchParams.set('state', state);
  res.redirect(target.href);
});

app.listen(3700);
