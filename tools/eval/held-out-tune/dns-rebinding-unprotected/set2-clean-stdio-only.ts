// held-out: clean — the server speaks MCP over stdio only and opens no HTTP port, so there is nothing a rebinding page can reach
// Typical local server launched by the client as a subprocess (MCP transports: stdio); the Origin requirement is for HTTP transports.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';

const server = new McpServer({ name: 'read-docs', version: '0.1.0' });

server.tool('read_doc', { path: z.string() }, async ({ path }) => ({
  content: [{ type: 'text', text: await readFile(path, 'utf8') }],
}));

const transport = new StdioServerTransport();
await server.connect(transport);
console.error('read-docs MCP server running on stdio');
