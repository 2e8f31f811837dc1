// held-out: clean — the upstream call carries the server's own API key; only the caller's identity (a claim) is forwarded as data
// MCP server tool (McpServer.tool) calling a search backend with a service credential and the caller's client id for auditing (MCP 2026-07-28 authorization, token handling).
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

const SEARCH_KEY = process.env.SEARCH_SERVICE_TOKEN;

export function createSearchServer() {
  const server = new McpServer({ name: 'kb-search', version: '1.4.0' });
  server.tool('kb_search', { q: z.string().min(2) }, async ({ q }, extra) => {
    const caller = extra.authInfo?.clientId ?? 'anonymous';
    const res = await fetch('https://search.internal.example.com/query', {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${SEARCH_KEY}`,
        'X-Request-Origin': `mcp:${caller}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ q, scopes: extra.authInfo?.scopes ?? [] }),
    });
    return { content: [{ type: 'text', text: await res.text() }] };
  });
  return server;
}
