// Express MCP route verifying a JWT read with req.query['jwt'] when no Authorization header is sent (MCP authorization: "Access tokens MUST NOT be included in the URI query string").
import express from 'express';
import jwt, { type JwtPayload } from 'jsonwebtoken';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { serverForTenant } from './tenants.js';

const app = express();
app.use(express.json());
const signingKey = process.env.JWT_SIGNING_KEY!;

app.post('/mcp', async (req, res) => {
  const header = req.header('authorization');
  // held-out: bearer-token-in-query
  const credential = header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : (req.query['jwt'] as string | undefined);
  let claims: JwtPayload;
  try {
    claims = jwt.verify(credential ?? '', signingKey) as JwtPayload;
  } catch {
    res.status(401).set('WWW-Authenticate', 'Bearer').end();
    return;
  }
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await serverForTenant(String(claims.tenant)).connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(3000);
