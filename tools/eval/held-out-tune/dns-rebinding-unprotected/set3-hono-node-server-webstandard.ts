// Hono app on @hono/node-server using WebStandardStreamableHTTPServerTransport without Origin/Host validation — Streamable HTTP transport: "Servers MUST validate the Origin header on all incoming connections"
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { z } from 'zod';

const mcp = new McpServer({ name: 'clipboard', version: '0.1.0' });
mcp.tool('read_clipboard', {}, async () => ({ content: [{ type: 'text', text: await readClipboard() }] }));
mcp.tool('write_clipboard', { text: z.string() }, async ({ text }) => {
  await writeClipboard(text);
  return { content: [{ type: 'text', text: 'ok' }] };
});

async function readClipboard(): Promise<string> {
  const { default: clipboardy } = await import('clipboardy');
  return clipboardy.read();
}

async function writeClipboard(text: string): Promise<void> {
  const { default: clipboardy } = await import('clipboardy');
  await clipboardy.write(text);
}

const app = new Hono();

app.all('/mcp', async (c) => {
  // held-out: dns-rebinding-unprotected
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await mcp.connect(transport);
  return transport.handleRequest(c.req.raw);
});

serve({ fetch: app.fetch, port: 3456 }, (info) => {
  console.log(`clipboard MCP on http://localhost:${info.port}/mcp`);
});
