// token-passthrough: the tool hands extra.authInfo.token to a Jira helper module that uses it as its bearer credential — SEC "The MCP server MUST NOT pass through the token it received from the MCP client."
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { searchIssues } from './jira.js';

export const server = new McpServer({ name: 'jira-bridge', version: '2.0.0' });

server.registerTool(
  'jira_search',
  { description: 'Search Jira with JQL', inputSchema: { jql: z.string() } },
  async ({ jql }, extra) => {
    const userToken = extra.authInfo!.token;
    const hits = await searchIssues(jql, userToken);
    return { content: [{ type: 'text', text: hits.map((h) => `${h.key}: ${h.summary}`).join('\n') }] };
  },
);
