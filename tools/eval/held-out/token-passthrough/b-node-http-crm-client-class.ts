// Plain node:http MCP server that builds a per-request CRM client from the caller's Authorization header — spec (security considerations, token passthrough): "The MCP server MUST NOT pass through the token it received from the MCP client."
import { createServer, type IncomingMessage } from 'node:http';
import got, { type Got } from 'got';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';

class CrmClient {
  private readonly http: Got;

  constructor(private readonly credential: string) {
    this.http = got.extend({
      prefixUrl: 'https://crm.example.com/api/v3',
      // held-out: token-passthrough
      headers: { authorization: this.credential },
      responseType: 'json',
    });
  }

  async findContact(email: string) {
    return this.http.get('contacts/search', { searchParams: { email } }).json<{ id: string; name: string }[]>();
  }
}

function serverFor(req: IncomingMessage) {
  const crm = new CrmClient(req.headers['authorization'] ?? '');
  const mcp = new McpServer({ name: 'crm-lookup', version: '1.0.0' });
  mcp.tool('find_contact', { email: z.string().email() }, async ({ email }) => {
    const hits = await crm.findContact(email);
    return { content: [{ type: 'text', text: JSON.stringify(hits) }] };
  });
  return mcp;
}

const httpServer = createServer(async (req, res) => {
  if (req.url !== '/mcp') {
    res.writeHead(404).end();
    return;
  }
  if (!req.headers['authorization']?.startsWith('Bearer ')) {
    res.writeHead(401, { 'WWW-Authenticate': 'Bearer resource_metadata="https://crm-mcp.example.com/.well-known/oauth-protected-resource"' }).end();
    return;
  }
  const transport = new StreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableDnsRebindingProtection: true,
    allowedHosts: ['crm-mcp.example.com'],
  });
  await serverFor(req).connect(transport);
  await transport.handleRequest(req, res);
});

httpServer.listen(Number(process.env.PORT ?? 8443));
