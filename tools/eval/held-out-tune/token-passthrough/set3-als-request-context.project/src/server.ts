// Express entry point: the context middleware runs before the MCP transport so tools can call HubSpot
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';
import { withRequestContext } from './context.js';
import { hubspot } from './hubspot.js';

const server = new McpServer({ name: 'hubspot-mcp', version: '0.8.0' });
server.tool('get_contact', 'Get a contact', { id: z.string() }, async ({ id }) => ({
  content: [{ type: 'text', text: JSON.stringify(await hubspot(`/crm/v3/objects/contacts/${id}`)) }],
}));
server.tool('list_deals', 'List deals', {}, async () => ({
  content: [{ type: 'text', text: JSON.stringify(await hubspot('/crm/v3/objects/deals?limit=50')) }],
}));

const app = express();
app.use(express.json());
app.post('/mcp', withRequestContext, async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000);
