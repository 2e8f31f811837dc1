// held-out: clean — routes use issueState()/consumeState() from state.js; the callback rejects before exchanging the code when the state check fails.
// Fastify plugin with the login and callback routes of a Spotify MCP server (ESM).
import { issueState, consumeState } from './state.js';

const REDIRECT_URI = 'https://music-mcp.example.com/spotify/callback';

export default async function spotifyRoutes(app) {
  app.get('/spotify/login', async (req, reply) => {
    const state = issueState(req.session);
    const q = new URLSearchParams({ client_id: process.env.SPOTIFY_CLIENT_ID, response_type: 'code', redirect_uri: REDIRECT_URI, scope: 'user-read-playback-state', state });
    return reply.redirect(`https://accounts.spotify.example/authorize?${q}`);
  });

  app.get('/spotify/callback', async (req, reply) => {
    if (!consumeState(req.session, req.query.state)) {
      return reply.code(400).send({ error: 'invalid_state' });
    }
    await app.spotifyTokens.exchange(req.session.get('userId'), req.query.code, REDIRECT_URI);
    return reply.redirect('/done');
  });
}
