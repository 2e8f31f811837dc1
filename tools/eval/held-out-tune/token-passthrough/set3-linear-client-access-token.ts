// Linear MCP server whose tool handler builds a LinearClient from extra.authInfo.token (SEC: "The MCP server MUST NOT pass through the token it received from the MCP client")
import { LinearClient } from '@linear/sdk';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

export const server = new McpServer({ name: 'linear', version: '1.0.0' });

server.registerTool(
  'create_issue',
  {
    description: 'Create a Linear issue',
    inputSchema: { teamId: z.string(), title: z.string(), description: z.string().optional(), priority: z.number().min(0).max(4).optional() },
  },
  async (input, extra) => {
    // held-out: token-passthrough
    const linear = new LinearClient({ accessToken: extra.authInfo!.token });
    const payload = await linear.createIssue(input);
    const issue = await payload.issue;
    return { content: [{ type: 'text', text: issue ? `${issue.identifier}: ${issue.url}` : 'failed' }] };
  },
);

server.registerTool('my_issues', { description: 'Issues assigned to me', inputSchema: {} }, async (_input, extra) => {
  const linear = new LinearClient({ apiKey: process.env.LINEAR_API_KEY });
  const me = await linear.viewer;
  const issues = await me.assignedIssues({ first: 25 });
  return { content: [{ type: 'text', text: issues.nodes.map((i) => `${i.identifier} ${i.title} (${extra.sessionId ?? '-'})`).join('\n') }] };
});
