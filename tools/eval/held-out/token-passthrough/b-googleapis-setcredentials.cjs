// CommonJS MCP server whose Drive tool authorises googleapis with the MCP client's own access token — spec (security considerations, token passthrough): "The MCP server MUST NOT pass through the token it received from the MCP client."
'use strict';

const { google } = require('googleapis');
const { z } = require('zod');
const { McpServer } = require('@modelcontextprotocol/sdk/server/mcp.js');

function driveFor(authInfo) {
  const oauth2 = new google.auth.OAuth2(process.env.GOOGLE_CLIENT_ID, process.env.GOOGLE_CLIENT_SECRET);
  // held-out: token-passthrough
  oauth2.setCredentials({ access_token: authInfo.token });
  return google.drive({ version: 'v3', auth: oauth2 });
}

function register(server) {
  server.registerTool(
    'search_files',
    { description: 'Search Drive by name', inputSchema: { query: z.string().min(1) } },
    async ({ query }, { authInfo }) => {
      const drive = driveFor(authInfo);
      const res = await drive.files.list({
        q: `name contains '${query.replace(/'/g, "\\'")}' and trashed = false`,
        fields: 'files(id,name,mimeType)',
        pageSize: 20,
      });
      return { content: [{ type: 'text', text: JSON.stringify(res.data.files) }] };
    },
  );
}

const server = new McpServer({ name: 'drive-search', version: '0.2.0' });
register(server);

module.exports = { server };
