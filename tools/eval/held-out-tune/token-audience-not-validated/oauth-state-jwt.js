// held-out: clean — the verified JWT is the `state` value this server signed itself for its OAuth callback, not an access token.
// OAuth callback of an MCP server acting as a client to GitHub, with a signed state — not an access-token audience case.
import jwt from 'jsonwebtoken';

const STATE_SECRET = process.env.STATE_SECRET;

export function createState(sessionId) {
  return jwt.sign({ sid: sessionId, nonce: crypto.randomUUID() }, STATE_SECRET, { expiresIn: '10m' });
}

export async function githubCallback(req, res) {
  let state;
  try {
    state = jwt.verify(req.query.state, STATE_SECRET);
  } catch {
    return res.status(400).send('invalid state');
  }
  if (state.sid !== req.session.id) return res.status(400).send('state does not belong to this session');
  const tokenRes = await fetch('https://github.com/login/oauth/access_token', {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify({ client_id: process.env.GH_CLIENT_ID, client_secret: process.env.GH_CLIENT_SECRET, code: req.query.code }),
  });
  req.session.github = await tokenRes.json();
  res.redirect('/connected');
}
