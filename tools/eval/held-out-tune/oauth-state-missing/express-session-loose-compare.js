// Express MCP server comparing state with != against the session value, so a callback with no state and a session that never started a flow passes (undefined != undefined is false); MCP BP: reject callbacks whose state "is missing or does not match".
import express from 'express';
import session from 'express-session';
import crypto from 'node:crypto';

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: true }));

app.get('/oauth/atlassian', (req, res) => {
  req.session.oauthState = crypto.randomBytes(24).toString('base64url');
  const q = new URLSearchParams({
    audience: 'api.atlassian.com',
    client_id: process.env.ATLASSIAN_CLIENT_ID,
    scope: 'read:jira-work offline_access',
    redirect_uri: process.env.ATLASSIAN_REDIRECT_URI,
    state: req.session.oauthState,
    response_type: 'code',
    prompt: 'consent',
  });
  res.redirect(`https://auth.atlassian.com/authorize?${q}`);
});

app.get('/oauth/atlassian/callback', async (req, res) => {
  // held-out: oauth-state-missing
  if (req.query.state != req.session.oauthState) {
    return res.status(403).send('State mismatch');
  }
  delete req.session.oauthState;
  const r = await fetch('https://auth.atlassian.com/oauth/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      grant_type: 'authorization_code',
      client_id: process.env.ATLASSIAN_CLIENT_ID,
      client_secret: process.env.ATLASSIAN_CLIENT_SECRET,
      code: req.query.code,
      redirect_uri: process.env.ATLASSIAN_REDIRECT_URI,
    }),
  });
  req.session.atlassian = await r.json();
  res.redirect('/done');
});

export default app;
