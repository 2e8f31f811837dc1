// Express MCP server whose list_repos tool calls GitHub with the client's bearer token — AUTH token handling: "MUST NOT pass through the token it received from the MCP client".
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';

const app = express();
app.use(express.json());

app.post('/mcp', async (req, res) => {
  const token = req.headers.authorization?.replace(/^Bearer\s+/i, '');
  if (!token) {
    res.status(401).set('WWW-Authenticate', 'Bearer resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource"').end();
    return;
  }
  const server = new McpServer({ name: 'github-repos', version: '1.0.0' });
  server.tool('list_repos', { visibility: z.enum(['all', 'public', 'private']).default('all') }, async ({ visibility }) => {
    const response = await fetch(`https://api.github.com/user/repos?visibility=${visibility}`, {
      headers: {
        Accept: 'application/vnd.github+json',
        // held-out: token-passthrough
        Authorization: `Bearer ${token}`,
      },
    });
    const repos = (await response.json()) as Array<{ full_name: string }>;
    return { content: [{ type: 'text', text: repos.map((repo) => repo.full_name).join('\n') }] };
  });
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableDnsRebindingProtection: true, allowedHosts: ['mcp.example.com'] });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(Number(process.env.PORT ?? 8080));
