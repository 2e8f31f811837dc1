// held-out: clean — pageToken and nextPageToken are pagination cursors of the Drive API, not credentials; the OAuth token goes in the Authorization header
// MCP tool that lists Google Drive files page by page, passing pageToken in the query
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

export function registerDriveTools(server, getAccessToken) {
  server.tool('list_files', { pageToken: z.string().optional(), query: z.string().optional() }, async ({ pageToken, query }) => {
    const url = new URL('https://www.googleapis.com/drive/v3/files');
    url.searchParams.set('pageSize', '50');
    url.searchParams.set('fields', 'nextPageToken, files(id, name, mimeType)');
    if (pageToken) url.searchParams.set('pageToken', pageToken);
    if (query) url.searchParams.set('q', query);
    const accessToken = await getAccessToken();
    const response = await fetch(url, { headers: { Authorization: `Bearer ${accessToken}` } });
    if (!response.ok) {
      return { isError: true, content: [{ type: 'text', text: `Drive error ${response.status}` }] };
    }
    const data = await response.json();
    return {
      content: [{ type: 'text', text: JSON.stringify({ files: data.files, next: data.nextPageToken ?? null }) }],
    };
  });
}

export function createDriveServer(getAccessToken) {
  const server = new McpServer({ name: 'drive', version: '1.2.0' });
  registerDriveTools(server, getAccessToken);
  return server;
}
