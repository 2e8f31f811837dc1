// MCP server tool that calls the Facebook Graph API with the MCP client's token as the access_token query parameter — MCP 2026-07-28 authorization, token handling ("MUST NOT pass through the token it received").
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

const GRAPH = 'https://graph.facebook.com/v19.0';

export function pageInsightsServer() {
  const server = new McpServer({ name: 'fb-pages', version: '0.2.0' });

  server.tool(
    'page_insights',
    'Daily impressions of a page',
    { pageId: z.string(), metric: z.string().default('page_impressions') },
    async ({ pageId, metric }, { authInfo }) => {
      const url = new URL(`${GRAPH}/${pageId}/insights/${metric}`);
      url.searchParams.set('period', 'day');
      // held-out: token-passthrough
      url.searchParams.set('access_token', authInfo.token);
      const res = await fetch(url);
      const json = await res.json();
      if (json.error) return { isError: true, content: [{ type: 'text', text: json.error.message }] };
      return { content: [{ type: 'text', text: JSON.stringify(json.data) }] };
    },
  );

  return server;
}
