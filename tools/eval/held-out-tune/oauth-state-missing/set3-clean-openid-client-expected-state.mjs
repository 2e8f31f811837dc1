// held-out: clean — openid-client v6 generates state with randomState() and PKCE, and authorizationCodeGrant checks both (expectedState, pkceCodeVerifier)
// OIDC login of an MCP server's admin UI with the per-login values kept in a signed cookie session
import express from 'express';
import cookieSession from 'cookie-session';
import * as client from 'openid-client';

const config = await client.discovery(new URL(process.env.OIDC_ISSUER), process.env.OIDC_CLIENT_ID, process.env.OIDC_CLIENT_SECRET);
const REDIRECT_URI = `${process.env.BASE_URL}/auth/callback`;
const app = express();
app.use(cookieSession({ name: 'oidc', keys: [process.env.COOKIE_KEY], maxAge: 10 * 60 * 1000 }));

app.get('/auth/login', async (req, res) => {
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  req.session.login = { codeVerifier, state };
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: REDIRECT_URI,
    scope: 'openid email',
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
  });
  res.redirect(url.href);
});

app.get('/auth/callback', async (req, res) => {
  const login = req.session.login;
  req.session.login = null;
  if (!login) return res.status(400).send('no login in progress');
  const currentUrl = new URL(req.originalUrl, process.env.BASE_URL);
  const tokens = await client.authorizationCodeGrant(config, currentUrl, {
    pkceCodeVerifier: login.codeVerifier,
    expectedState: login.state,
  });
  req.session.user = tokens.claims()?.sub;
  res.redirect('/admin');
});

app.listen(3000);
