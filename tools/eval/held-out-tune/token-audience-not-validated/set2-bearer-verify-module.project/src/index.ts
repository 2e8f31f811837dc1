// Entry point: mounts the MCP endpoint behind requireBearerAuth with the verifier from auth/verify.ts.
import express from 'express';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifyBearer } from './auth/verify.js';
import { createServer } from './server.js';

const app = express();
app.use(express.json());

app.post('/mcp', requireBearerAuth({ verifier: { verifyAccessToken: verifyBearer } }), async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await createServer(req.auth!).connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(Number(process.env.PORT ?? 3000));
