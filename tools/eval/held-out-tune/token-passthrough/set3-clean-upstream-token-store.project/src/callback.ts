// held-out: clean — the server's own OAuth callback with Spotify: exchanges the code and stores the upstream tokens for the user
// Express route completing the "connect Spotify" flow
import express from 'express';
import { saveUpstreamTokens } from './store.js';

export const connectRouter = express.Router();

connectRouter.get('/connect/spotify/callback', async (req, res) => {
  const userId = req.session?.userId;
  if (!userId || req.query.state !== req.session?.spotifyState) return res.status(400).send('invalid state');
  const tokenRes = await fetch('https://accounts.spotify.com/api/token', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Authorization: `Basic ${Buffer.from(`${process.env.SPOTIFY_CLIENT_ID}:${process.env.SPOTIFY_CLIENT_SECRET}`).toString('base64')}`,
    },
    body: new URLSearchParams({ grant_type: 'authorization_code', code: String(req.query.code), redirect_uri: process.env.SPOTIFY_REDIRECT_URI! }),
  });
  const { access_token, refresh_token, expires_in } = (await tokenRes.json()) as { access_token: string; refresh_token: string; expires_in: number };
  saveUpstreamTokens(userId, { accessToken: access_token, refreshToken: refresh_token, expiresAt: Date.now() + expires_in * 1000 });
  res.send('Spotify connected — you can close this window.');
});
