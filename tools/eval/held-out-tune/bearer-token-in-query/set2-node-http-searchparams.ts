// node:http MCP server that reads the access token with new URL(req.url).searchParams.get('access_token') (MCP authorization, token handling: "MUST NOT be included in the URI query string").
import { createServer } from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { buildServer } from './build-server.js';
import { tokenStore } from './token-store.js';

createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
  if (url.pathname !== '/mcp') {
    res.writeHead(404).end();
    return;
  }
  // held-out: bearer-token-in-query
  const presented = url.searchParams.get('access_token');
  const grant = presented ? await tokenStore.lookup(presented) : undefined;
  if (!grant || grant.expiresAt < Date.now()) {
    res.writeHead(401, { 'WWW-Authenticate': 'Bearer error="invalid_token"' }).end();
    return;
  }
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await buildServer(grant.userId).connect(transport);
  await transport.handleRequest(req, res);
}).listen(8443);
