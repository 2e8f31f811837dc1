// token-passthrough: the Slack tools are handed the MCP access token and build a Slack WebClient with it — SEC "The MCP server MUST NOT pass through the token it received from the MCP client."
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { z } from 'zod';
import { slackFor } from './slack.js';
import { verifier } from './verifier.js';

const server = new McpServer({ name: 'slack-mcp', version: '0.9.0' });

server.tool('post_message', { channel: z.string(), text: z.string() }, async ({ channel, text }, extra) => {
  const slack = slackFor(extra.authInfo?.token ?? '');
  const r = await slack.chat.postMessage({ channel, text });
  return { content: [{ type: 'text', text: `posted ${r.ts}` }] };
});

const app = express();
app.use(express.json());
app.post('/mcp', requireBearerAuth({ verifier }), async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(4000);
