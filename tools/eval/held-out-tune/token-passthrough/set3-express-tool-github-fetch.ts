// Express MCP server whose tool calls the GitHub REST API with the very token the MCP client presented (SEC, token passthrough: "The MCP server MUST NOT pass through the token it received from the MCP client")
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { z } from 'zod';
import { verifier } from './auth/verifier.js';

function buildServer() {
  const server = new McpServer({ name: 'gh-issues', version: '0.7.0' });

  server.registerTool(
    'list_issues',
    {
      title: 'List issues',
      description: 'List open issues of a repository',
      inputSchema: { owner: z.string(), repo: z.string(), labels: z.string().optional() },
    },
    async ({ owner, repo, labels }, extra) => {
      const url = new URL(`https://api.github.com/repos/${owner}/${repo}/issues`);
      if (labels) url.searchParams.set('labels', labels);
      const response = await fetch(url, {
        headers: {
          Accept: 'application/vnd.github+json',
          // held-out: token-passthrough
          Authorization: `Bearer ${extra.authInfo?.token}`,
          'X-GitHub-Api-Version': '2022-11-28',
        },
      });
      if (!response.ok) {
        return { isError: true, content: [{ type: 'text', text: `GitHub answered ${response.status}` }] };
      }
      const issues = (await response.json()) as Array<{ number: number; title: string }>;
      return { content: [{ type: 'text', text: issues.map((i) => `#${i.number} ${i.title}`).join('\n') }] };
    },
  );
  return server;
}

const app = express();
app.use(express.json());
app.post('/mcp', requireBearerAuth({ verifier }), async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  res.on('close', () => transport.close());
  await buildServer().connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000);
