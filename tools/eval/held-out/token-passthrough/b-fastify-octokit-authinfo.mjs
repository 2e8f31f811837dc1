// Fastify MCP server whose GitHub tool hands the caller's MCP access token to Octokit — spec (security considerations, token passthrough): "The MCP server MUST NOT pass through the token it received from the MCP client."
import Fastify from 'fastify';
import { randomUUID } from 'node:crypto';
import { Octokit } from '@octokit/rest';
import { z } from 'zod';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifyMcpToken } from './verify.js';

function buildServer() {
  const server = new McpServer({ name: 'gh-issues', version: '0.4.1' });

  server.registerTool(
    'list_open_issues',
    {
      description: 'List open issues of a repository',
      inputSchema: { owner: z.string(), repo: z.string() },
    },
    async ({ owner, repo }, extra) => {
      const callerToken = extra.authInfo?.token;
      if (!callerToken) {
        return { isError: true, content: [{ type: 'text', text: 'not authenticated' }] };
      }
      // held-out: token-passthrough
      const gh = new Octokit({ auth: callerToken });
      const { data } = await gh.rest.issues.listForRepo({ owner, repo, state: 'open', per_page: 50 });
      return { content: [{ type: 'text', text: data.map((i) => `#${i.number} ${i.title}`).join('\n') }] };
    },
  );
  return server;
}

const app = Fastify({ logger: true });

app.post('/mcp', async (request, reply) => {
  const header = request.headers.authorization ?? '';
  const raw = header.replace(/^Bearer\s+/i, '');
  const authInfo = await verifyMcpToken(raw);
  if (!authInfo) {
    return reply.code(401).header('WWW-Authenticate', 'Bearer resource_metadata="https://gh-mcp.example.com/.well-known/oauth-protected-resource"').send();
  }
  request.raw.auth = authInfo;
  const transport = new StreamableHTTPServerTransport({
    sessionIdGenerator: randomUUID,
    enableDnsRebindingProtection: true,
    allowedHosts: ['gh-mcp.example.com'],
  });
  reply.hijack();
  await buildServer().connect(transport);
  await transport.handleRequest(request.raw, reply.raw, request.body);
});

await app.listen({ port: 8080, host: '0.0.0.0' });
