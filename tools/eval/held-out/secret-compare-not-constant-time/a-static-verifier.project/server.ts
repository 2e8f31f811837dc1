// Express MCP server using verifier.ts with the token from MCP_STATIC_TOKEN.
import express from 'express';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { staticTokenVerifier } from './verifier.js';
import { buildServer } from './tools.js';

const app = express();
app.use(express.json());
app.post('/mcp', requireBearerAuth({ verifier: staticTokenVerifier(process.env.MCP_STATIC_TOKEN!) }), async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await buildServer().connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000);
