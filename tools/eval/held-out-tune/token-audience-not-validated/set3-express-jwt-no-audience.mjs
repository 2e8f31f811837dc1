// express-jwt guarding an MCP endpoint with a jwks-rsa secret, issuer and algorithms set, audience left out (AUTH: "MCP servers MUST validate that access tokens were issued specifically for them as the intended audience")
import express from 'express';
import { expressjwt } from 'express-jwt';
import jwksRsa from 'jwks-rsa';
import { randomUUID } from 'node:crypto';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';

const issuer = process.env.OKTA_ISSUER; // https://dev-123.okta.com/oauth2/default

// held-out: token-audience-not-validated
const checkJwt = expressjwt({
  secret: jwksRsa.expressJwtSecret({ cache: true, rateLimit: true, jwksRequestsPerMinute: 10, jwksUri: `${issuer}/v1/keys` }),
  issuer,
  algorithms: ['RS256'],
  requestProperty: 'token',
});

const transports = new Map();
const app = express();
app.use(express.json());

app.post('/mcp', checkJwt, async (req, res) => {
  const sessionId = req.headers['mcp-session-id'];
  let transport = sessionId ? transports.get(sessionId) : undefined;
  if (!transport && isInitializeRequest(req.body)) {
    transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => transports.set(id, transport),
    });
    const server = new McpServer({ name: 'okta-reports', version: '0.3.0' });
    server.tool('usage_report', 'Monthly usage', async () => ({ content: [{ type: 'text', text: 'ok' }] }));
    await server.connect(transport);
  }
  if (!transport) return res.status(400).json({ error: 'no session' });
  await transport.handleRequest(req, res, req.body);
});

app.use((err, _req, res, next) => {
  if (err.name === 'UnauthorizedError') return res.status(401).json({ error: 'invalid_token' });
  next(err);
});

app.listen(3001);
