// MCP server's OAuth login generating state with Math.random — security best practices: "generate a cryptographically secure random state"; RFC 6749 §10.12: the binding value must be infeasible to guess
const express = require('express');
const session = require('express-session');
const axios = require('axios');

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: true }));

app.get('/login', (req, res) => {
  // held-out: oauth-state-missing
  const state = Math.random().toString(36).substring(2, 15);
  req.session.oauthState = state;
  const url = new URL('https://accounts.spotify.com/authorize');
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', process.env.SPOTIFY_CLIENT_ID);
  url.searchParams.set('scope', 'user-read-playback-state user-modify-playback-state');
  url.searchParams.set('redirect_uri', process.env.SPOTIFY_REDIRECT_URI);
  url.searchParams.set('state', state);
  res.redirect(url.toString());
});

app.get('/callback', async (req, res) => {
  const { code, state } = req.query;
  if (!state || state !== req.session.oauthState) {
    return res.status(400).send('State mismatch');
  }
  delete req.session.oauthState;
  const { data } = await axios.post(
    'https://accounts.spotify.com/api/token',
    new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: process.env.SPOTIFY_REDIRECT_URI }),
    { auth: { username: process.env.SPOTIFY_CLIENT_ID, password: process.env.SPOTIFY_CLIENT_SECRET } },
  );
  req.session.spotify = { accessToken: data.access_token, refreshToken: data.refresh_token };
  res.send('Spotify linked');
});

app.listen(8888);
