// ESM MCP server whose tool calls a graph-style upstream API with the access token as a query parameter (axios `params`) — spec (authorization): "Access tokens MUST NOT be included in the URI query string."
import axios from 'axios';
import { z } from 'zod';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { pageTokenFor } from './page-tokens.js';

const GRAPH = 'https://graph.social.example/v19.0';

export const server = new McpServer({ name: 'page-insights', version: '0.5.0' });

server.registerTool(
  'page_posts',
  { description: 'Recent posts of a managed page', inputSchema: { pageId: z.string() } },
  async ({ pageId }, extra) => {
    const pageAccessToken = await pageTokenFor(extra.authInfo.extra.userId, pageId);
    const { data } = await axios.get(`${GRAPH}/${pageId}/posts`, {
      // held-out: bearer-token-in-query
      params: { access_token: pageAccessToken, fields: 'id,message,created_time', limit: 10 },
    });
    return { content: [{ type: 'text', text: JSON.stringify(data.data) }] };
  },
);
