// Slack MCP server (plain JS, ESM) creating a Slack WebClient from the MCP request's authInfo token in every tool (SEC: "The MCP server MUST NOT pass through the token it received from the MCP client")
import { WebClient } from '@slack/web-api';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

const server = new McpServer({ name: 'slack-mcp', version: '0.6.0' });

function slack(extra) {
  const { token } = extra.authInfo ?? {};
  if (!token) throw new Error('missing credentials');
  // held-out: token-passthrough
  return new WebClient(token, { retryConfig: { retries: 2 } });
}

server.tool('post_message', 'Post to a channel', { channel: z.string(), text: z.string() }, async ({ channel, text }, extra) => {
  const result = await slack(extra).chat.postMessage({ channel, text });
  return { content: [{ type: 'text', text: `posted ${result.ts}` }] };
});

server.tool('list_channels', 'List public channels', {}, async (_args, extra) => {
  const result = await slack(extra).conversations.list({ limit: 200, exclude_archived: true });
  return { content: [{ type: 'text', text: (result.channels ?? []).map((c) => `#${c.name}`).join('\n') }] };
});

server.tool('search', 'Search messages', { query: z.string() }, async ({ query }, extra) => {
  const result = await slack(extra).search.messages({ query, count: 20 });
  return { content: [{ type: 'text', text: JSON.stringify(result.messages?.matches ?? []) }] };
});

export default server;
