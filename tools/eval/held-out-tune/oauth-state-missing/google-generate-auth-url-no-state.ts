// Stdio MCP server tool that hands the user a Google consent URL built with google-auth-library's generateAuthUrl, without state or PKCE; RFC 6749 §10.12, MCP BP state parameter.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { OAuth2Client } from 'google-auth-library';

const oauth2Client = new OAuth2Client(
  process.env.GOOGLE_CLIENT_ID,
  process.env.GOOGLE_CLIENT_SECRET,
  'http://localhost:4100/oauth2callback',
);

export function registerAuthTool(server: McpServer) {
  server.tool('google_authenticate', 'Returns a link that connects your Google Calendar', async () => {
    // held-out: oauth-state-missing
    const authUrl = oauth2Client.generateAuthUrl({
      access_type: 'offline',
      prompt: 'consent',
      scope: ['https://www.googleapis.com/auth/calendar.readonly'],
    });
    return { content: [{ type: 'text', text: `Open this link to connect Google Calendar: ${authUrl}` }] };
  });
}
