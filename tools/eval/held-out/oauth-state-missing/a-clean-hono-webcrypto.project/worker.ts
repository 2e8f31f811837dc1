// held-out: clean — state from crypto.getRandomValues, stored in a short-lived cookie, compared on callback and deleted before the code is used
// Hono Worker connecting an MCP server to Spotify (BP: state parameter; RFC 6749 §10.12).
import { Hono } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import { randomState } from './state.js';

type Env = { Bindings: { SPOTIFY_CLIENT_ID: string; SPOTIFY_CLIENT_SECRET: string; ORIGIN: string } };
const app = new Hono<Env>();

app.get('/spotify/login', (c) => {
  const state = randomState();
  setCookie(c, '__Host-spotify_state', state, { httpOnly: true, secure: true, sameSite: 'Lax', path: '/', maxAge: 300 });
  const params = new URLSearchParams({ response_type: 'code', client_id: c.env.SPOTIFY_CLIENT_ID, scope: 'user-read-playback-state', redirect_uri: `${c.env.ORIGIN}/spotify/callback`, state });
  return c.redirect('https://accounts.spotify.com/authorize?' + params.toString());
});

app.get('/spotify/callback', async (c) => {
  const stored = getCookie(c, '__Host-spotify_state');
  deleteCookie(c, '__Host-spotify_state', { path: '/', secure: true });
  const returned = c.req.query('state');
  if (!stored || !returned || stored !== returned) return c.text('state mismatch', 403);
  const res = await fetch('https://accounts.spotify.com/api/token', {
    method: 'POST',
    headers: { Authorization: 'Basic ' + btoa(`${c.env.SPOTIFY_CLIENT_ID}:${c.env.SPOTIFY_CLIENT_SECRET}`), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code: c.req.query('code') ?? '', redirect_uri: `${c.env.ORIGIN}/spotify/callback` }),
  });
  return c.json(await res.json());
});

export default app;
