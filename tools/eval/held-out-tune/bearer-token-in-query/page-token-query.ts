// held-out: clean — pageToken/next_token are pagination cursors, not credentials.
// Hono route proxying a paginated YouTube listing with the server's own key header — query tokens that are not access tokens.
import { Hono } from 'hono';

const app = new Hono<{ Bindings: { YT_KEY: string } }>();

app.get('/playlists/:id/items', async (c) => {
  const pageToken = c.req.query('pageToken');
  const nextToken = c.req.query('next_token');
  const url = new URL('https://www.googleapis.com/youtube/v3/playlistItems');
  url.searchParams.set('playlistId', c.req.param('id'));
  url.searchParams.set('part', 'snippet');
  if (pageToken ?? nextToken) url.searchParams.set('pageToken', (pageToken ?? nextToken)!);
  const res = await fetch(url, { headers: { 'X-Goog-Api-Key': c.env.YT_KEY } });
  return c.json(await res.json());
});

export default app;
