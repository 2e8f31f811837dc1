// Bun.serve on 127.0.0.1 with the web-standard Streamable HTTP transport and no Origin/Host check in fetch (MCP transports: "Servers MUST validate the Origin header on all incoming connections"; "If the Origin header is present and invalid, servers MUST respond with HTTP 403 Forbidden").
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { z } from 'zod';

const server = new McpServer({ name: 'bun-notes', version: '0.0.3' });
server.tool('append_note', { text: z.string() }, async ({ text }) => {
  await Bun.write(Bun.file(`${process.env.HOME}/notes.md`), text);
  return { content: [{ type: 'text', text: 'saved' }] };
});

// held-out: dns-rebinding-unprotected
const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: () => crypto.randomUUID() });
await server.connect(transport);

Bun.serve({
  hostname: '127.0.0.1',
  port: 3458,
  async fetch(request) {
    const { pathname } = new URL(request.url);
    if (pathname !== '/mcp') return new Response('not found', { status: 404 });
    return transport.handleRequest(request);
  },
});
