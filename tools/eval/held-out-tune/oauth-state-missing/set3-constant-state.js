// Authorization request with a fixed state string the callback compares against — security best practices: "generate a cryptographically secure random state"; a constant binds nothing to the user's session
import express from 'express';

const STATE = 'mcp-dropbox-login';
const app = express();

app.get('/dropbox/login', (_req, res) => {
  const query = new URLSearchParams({
    client_id: process.env.DROPBOX_APP_KEY,
    response_type: 'code',
    token_access_type: 'offline',
    redirect_uri: process.env.DROPBOX_REDIRECT_URI,
    // held-out: oauth-state-missing
    state: STATE,
  });
  res.redirect(`https://www.dropbox.com/oauth2/authorize?${query}`);
});

app.get('/dropbox/callback', async (req, res) => {
  if (req.query.state !== STATE) {
    res.status(403).send('state mismatch');
    return;
  }
  const response = await fetch('https://api.dropboxapi.com/oauth2/token', {
    method: 'POST',
    body: new URLSearchParams({
      code: String(req.query.code),
      grant_type: 'authorization_code',
      client_id: process.env.DROPBOX_APP_KEY,
      client_secret: process.env.DROPBOX_APP_SECRET,
      redirect_uri: process.env.DROPBOX_REDIRECT_URI,
    }),
  });
  const tokens = await response.json();
  process.env.DROPBOX_ACCESS_TOKEN = tokens.access_token;
  res.send('Dropbox connected');
});

app.listen(53682);
