// held-out: clean — the MCP server is its own authorization server: it signs access tokens with a key generated at start-up that nobody else holds, sets aud when issuing, and checks it on use
// Minimal self-contained MCP server with a built-in token endpoint (client credentials for a local agent) and HS256 access tokens
import express from 'express';
import { randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';

const signingKey = randomBytes(32);
const SELF = process.env.PUBLIC_URL ?? 'http://127.0.0.1:4545';
const RESOURCE = `${SELF}/mcp`;

const app = express();
app.use(express.json());
app.use(express.urlencoded({ extended: false }));

app.post('/token', async (req, res) => {
  if (req.body.grant_type !== 'client_credentials') return res.status(400).json({ error: 'unsupported_grant_type' });
  const accessToken = await new SignJWT({ scope: 'tools' })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(SELF)
    .setAudience(RESOURCE)
    .setSubject('local-agent')
    .setExpirationTime('15m')
    .sign(signingKey);
  res.json({ access_token: accessToken, token_type: 'Bearer', expires_in: 900 });
});

app.use('/mcp', async (req, res, next) => {
  const token = req.get('authorization')?.replace(/^Bearer /, '');
  if (!token) return res.status(401).end();
  try {
    await jwtVerify(token, signingKey, { issuer: SELF, audience: RESOURCE, algorithms: ['HS256'] });
    next();
  } catch {
    res.status(401).json({ error: 'invalid_token' });
  }
});

app.post('/mcp', (req, res) => res.json({ jsonrpc: '2.0', id: req.body.id, result: {} }));
app.listen(4545, '127.0.0.1');
