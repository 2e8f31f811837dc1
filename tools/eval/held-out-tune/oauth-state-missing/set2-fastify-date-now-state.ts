// Fastify MCP server linking a Spotify account: state is the current timestamp in base 36, and PKCE is not used — MCP 2026-07-28 security best practices (state must be unpredictable, single use, bound to the session).
import Fastify from 'fastify';
import fastifyCookie from '@fastify/cookie';

const app = Fastify();
await app.register(fastifyCookie, { secret: process.env.COOKIE_SECRET });

const REDIRECT_URI = 'https://music-mcp.example.com/spotify/callback';

app.get('/spotify/connect', async (request, reply) => {
  // held-out: oauth-state-missing
  const state = Date.now().toString(36);
  reply.setCookie('spotify_oauth_state', state, { signed: true, httpOnly: true, sameSite: 'lax', path: '/spotify' });
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: process.env.SPOTIFY_CLIENT_ID!,
    scope: 'user-read-playback-state playlist-read-private',
    redirect_uri: REDIRECT_URI,
    state,
  });
  return reply.redirect(`https://accounts.spotify.com/authorize?${query}`);
});

export default app;
