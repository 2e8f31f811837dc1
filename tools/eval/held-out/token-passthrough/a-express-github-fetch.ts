// token-passthrough: a GitHub tool forwards the MCP client's bearer token to api.github.com — SEC "The MCP server MUST NOT pass through the token it received from the MCP client."
import express from 'express';
import { randomUUID } from 'node:crypto';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { z } from 'zod';
import { verifier } from './verifier.js';

const server = new McpServer({ name: 'gh-issues', version: '0.3.1' });

server.registerTool(
  'list_issues',
  {
    description: 'List open issues of a repository',
    inputSchema: { owner: z.string(), repo: z.string() },
  },
  async ({ owner, repo }, extra) => {
    const res = await fetch(`https://api.github.com/repos/${owner}/${repo}/issues?state=open`, {
      headers: {
        Accept: 'application/vnd.github+json',
        // held-out: token-passthrough
        Authorization: `Bearer ${extra.authInfo?.token}`,
      },
    });
    const issues = (await res.json()) as Array<{ number: number; title: string }>;
    return { content: [{ type: 'text', text: issues.map((i) => `#${i.number} ${i.title}`).join('\n') }] };
  },
);

const app = express();
app.use(express.json());
app.post('/mcp', requireBearerAuth({ verifier, expectedResource: new URL('https://mcp.acme.dev/mcp') }), async (req, res) => {
  const transport = new StreamableHTTPServerTransport({
    sessionIdGenerator: randomUUID,
    enableDnsRebindingProtection: true,
    allowedHosts: ['mcp.acme.dev'],
  });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(8080);
