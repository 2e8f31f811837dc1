// Tool registrations for the Figma bridge MCP server.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

export function createFigmaServer() {
  const server = new McpServer({ name: 'figma-bridge', version: '0.8.0' });
  server.registerTool('get_selection', { inputSchema: { fileKey: z.string() } }, async ({ fileKey }) => ({
    content: [{ type: 'text', text: `selection of ${fileKey}` }],
  }));
  return server;
}
