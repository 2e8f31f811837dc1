// OAuth callback of an MCP gateway that hands the freshly issued access token to the web UI in a redirect query string — RFC 6750 §2.3 / OAuth 2.1 §5.1: access tokens must not travel in URI query strings
import express from 'express';
import cookieParser from 'cookie-parser';

const app = express();
app.use(cookieParser());
const TOKEN_URL = 'https://github.com/login/oauth/access_token';
const UI_ORIGIN = process.env.UI_ORIGIN ?? 'http://localhost:5173';

app.get('/oauth/callback', async (req, res) => {
  const code = String(req.query.code ?? '');
  const state = String(req.query.state ?? '');
  if (!code || state !== req.cookies?.oauth_state) {
    res.status(400).send('invalid callback');
    return;
  }
  const tokenRes = await fetch(TOKEN_URL, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify({
      client_id: process.env.GITHUB_CLIENT_ID,
      client_secret: process.env.GITHUB_CLIENT_SECRET,
      code,
    }),
  });
  const { access_token: accessToken } = (await tokenRes.json()) as { access_token: string };
  const target = new URL('/connected', UI_ORIGIN);
  // held-out: bearer-token-in-query
  target.searchParams.set('token', accessToken);
  res.redirect(target.toString());
});

app.listen(4100);
