// held-out: clean — tools look up the Spotify token stored for the authenticated user (authInfo.extra.userId); the MCP token itself never leaves the server (near-miss)
// Spotify MCP tools
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/types.js';
import { loadUpstreamTokens } from './store.js';

function spotifyToken(authInfo: AuthInfo | undefined): string {
  const userId = authInfo?.extra?.userId;
  if (typeof userId !== 'string') throw new Error('unauthenticated');
  const tokens = loadUpstreamTokens(userId);
  if (!tokens) throw new Error('Spotify is not connected for this user; run the connect flow first');
  return tokens.accessToken;
}

export function registerSpotifyTools(server: McpServer) {
  server.tool('now_playing', 'Currently playing track', async ({ authInfo }) => {
    const res = await fetch('https://api.spotify.com/v1/me/player/currently-playing', {
      headers: { Authorization: `Bearer ${spotifyToken(authInfo)}` },
    });
    if (res.status === 204) return { content: [{ type: 'text', text: 'nothing playing' }] };
    const body = (await res.json()) as { item?: { name: string; artists: Array<{ name: string }> } };
    return { content: [{ type: 'text', text: `${body.item?.name} — ${body.item?.artists.map((a) => a.name).join(', ')}` }] };
  });
}
