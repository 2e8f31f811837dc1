// held-out: clean — the MCP token is used only as the assertion of an Entra ID on-behalf-of exchange; Microsoft Graph receives the OBO token
// Tool handler passes extra.authInfo.token to obo.ts, then calls Graph through graph.ts with the token returned by MSAL (SEC: token passthrough).
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { graphTokenFor } from './obo.js';
import { listMessages } from './graph.js';

export const server = new McpServer({ name: 'outlook-mcp', version: '3.2.0' });

server.registerTool('recent_mail', { inputSchema: { top: z.number().int().max(50).default(10) } }, async ({ top }, extra) => {
  const graphToken = await graphTokenFor(extra.authInfo!.token);
  const messages = await listMessages(graphToken, top);
  return { content: [{ type: 'text', text: messages.map((m) => m.subject).join('\n') }] };
});
