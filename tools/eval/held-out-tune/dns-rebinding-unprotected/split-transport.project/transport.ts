// Transport factory of a local MCP server: no enableDnsRebindingProtection, and index.ts adds no Origin/Host check — Streamable HTTP Origin MUST.
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

export function createTransport(): StreamableHTTPServerTransport {
  // held-out: dns-rebinding-unprotected
  return new StreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableJsonResponse: true,
  });
}
