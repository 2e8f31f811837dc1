// ESM MCP server whose Slack tool constructs the Slack WebClient with the MCP client's access token — spec (security considerations, token passthrough): "The MCP server MUST NOT pass through the token it received from the MCP client."
import { WebClient } from '@slack/web-api';
import { z } from 'zod';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

export const server = new McpServer({ name: 'slack-poster', version: '1.3.0' });

const clientCache = new Map();

function slackFor(authInfo) {
  const key = authInfo.clientId;
  if (!clientCache.has(key)) {
    // held-out: token-passthrough
    clientCache.set(key, new WebClient(authInfo.token));
  }
  return clientCache.get(key);
}

server.registerTool(
  'post_message',
  {
    description: 'Post a message to a channel',
    inputSchema: { channel: z.string(), text: z.string().max(4000) },
  },
  async ({ channel, text }, extra) => {
    if (!extra.authInfo) throw new Error('unauthenticated');
    const slack = slackFor(extra.authInfo);
    const out = await slack.chat.postMessage({ channel, text });
    return { content: [{ type: 'text', text: `posted ${out.ts}` }] };
  },
);
