// Google Drive MCP server that hands the MCP client's bearer token to googleapis via setCredentials (AUTH: "MCP servers MUST NOT accept or transit any other tokens"; SEC: token passthrough)
import { google, type drive_v3 } from 'googleapis';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';

function driveFor(authInfo: AuthInfo | undefined): drive_v3.Drive {
  if (!authInfo) throw new Error('authentication required');
  const oauth2 = new google.auth.OAuth2();
  // held-out: token-passthrough
  oauth2.setCredentials({ access_token: authInfo.token });
  return google.drive({ version: 'v3', auth: oauth2 });
}

export function registerDriveTools(server: McpServer) {
  server.registerTool(
    'search_files',
    { description: 'Search Google Drive', inputSchema: { query: z.string(), pageSize: z.number().int().max(100).default(20) } },
    async ({ query, pageSize }, { authInfo }) => {
      const drive = driveFor(authInfo);
      const { data } = await drive.files.list({ q: `fullText contains '${query.replace(/'/g, "\\'")}'`, pageSize, fields: 'files(id,name,mimeType)' });
      return { content: [{ type: 'text', text: JSON.stringify(data.files ?? []) }] };
    },
  );

  server.registerTool(
    'read_file',
    { description: 'Export a Google Doc as plain text', inputSchema: { fileId: z.string() } },
    async ({ fileId }, { authInfo }) => {
      const drive = driveFor(authInfo);
      const { data } = await drive.files.export({ fileId, mimeType: 'text/plain' }, { responseType: 'text' });
      return { content: [{ type: 'text', text: String(data) }] };
    },
  );
}

export const server = new McpServer({ name: 'gdrive', version: '0.2.0' });
registerDriveTools(server);
