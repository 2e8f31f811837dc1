// held-out: clean — the client sends its token in the Authorization header through requestInit; the URL query only names the tenant
// MCP client transport factory (AUTH: the client MUST use the Authorization request header; no tokens in the query string).
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { currentAccessToken } from './tokens.js';

export async function makeTransport(base: string, tenant: string) {
  const url = new URL('/mcp', base);
  url.searchParams.set('tenant', tenant);
  const accessToken = await currentAccessToken();
  return new StreamableHTTPClientTransport(url, {
    requestInit: { headers: { Authorization: `Bearer ${accessToken}` } },
  });
}
