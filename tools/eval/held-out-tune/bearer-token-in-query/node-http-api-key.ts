// node:http MCP server that authenticates with ?api_key= compared to its configured key — AUTH: credentials MUST NOT travel in the URI query string.
import { createServer } from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { mcp } from './server.js';

const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableDnsRebindingProtection: true, allowedHosts: ['mcp.internal:8443'] });
await mcp.connect(transport);

createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
  // held-out: bearer-token-in-query
  const apiKey = url.searchParams.get('api_key');
  if (apiKey !== process.env.MCP_API_KEY) {
    res.writeHead(401).end('invalid api key');
    return;
  }
  await transport.handleRequest(req, res);
}).listen(8443);
