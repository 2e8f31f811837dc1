// Starts the Obsidian vault MCP server using http-server.cjs.
'use strict';
const { McpServer } = require('@modelcontextprotocol/sdk/server/mcp.js');
const { McpHttpServer } = require('./http-server.cjs');

const server = new McpServer({ name: 'vault', version: '0.3.0' });
server.tool('list_notes', async () => ({ content: [{ type: 'text', text: 'inbox.md\ntodo.md' }] }));

new McpHttpServer(server, { port: Number(process.env.VAULT_MCP_PORT) || 7777 }).start();
