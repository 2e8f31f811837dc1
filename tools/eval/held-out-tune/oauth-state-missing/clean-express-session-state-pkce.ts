// held-out: clean — state from crypto.randomBytes, kept in the server-side session, compared on the callback and deleted before the code is redeemed (plus PKCE S256).
// Express MCP server connecting a user's Spotify account; MCP BP state parameter, RFC 7636.
import express from 'express';
import session from 'express-session';
import { randomBytes, createHash } from 'node:crypto';

declare module 'express-session' {
  interface SessionData { spotifyFlow?: { state: string; verifier: string } }
}

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false, cookie: { httpOnly: true, sameSite: 'lax', secure: true } }));

app.get('/connect/spotify', (req, res) => {
  const state = randomBytes(32).toString('base64url');
  const verifier = randomBytes(48).toString('base64url');
  req.session.spotifyFlow = { state, verifier };
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: process.env.SPOTIFY_CLIENT_ID!,
    scope: 'user-read-playback-state',
    redirect_uri: process.env.SPOTIFY_REDIRECT_URI!,
    state,
    code_challenge_method: 'S256',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
  });
  res.redirect(`https://accounts.spotify.com/authorize?${params}`);
});

app.get('/connect/spotify/callback', async (req, res) => {
  const flow = req.session.spotifyFlow;
  delete req.session.spotifyFlow;
  if (!flow || typeof req.query.state !== 'string' || req.query.state !== flow.state) {
    return res.status(400).send('Invalid or expired login attempt');
  }
  const tokenRes = await fetch('https://accounts.spotify.com/api/token', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: String(req.query.code),
      redirect_uri: process.env.SPOTIFY_REDIRECT_URI!,
      client_id: process.env.SPOTIFY_CLIENT_ID!,
      code_verifier: flow.verifier,
    }),
  });
  if (!tokenRes.ok) return res.status(502).send('token exchange failed');
  res.redirect('/connected');
});

export default app;
