// held-out: clean — express-jwt is configured with the API's audience and the issuer
// Plain JS (ESM) express MCP server behind Okta, with express-jwt and jwks-rsa (AUTH: tokens "issued specifically for them as the intended audience")
import express from 'express';
import { expressjwt } from 'express-jwt';
import jwksRsa from 'jwks-rsa';

const issuer = process.env.OKTA_ISSUER;
const audience = process.env.OKTA_AUDIENCE || 'api://reports-mcp';

const checkJwt = expressjwt({
  secret: jwksRsa.expressJwtSecret({ cache: true, rateLimit: true, jwksRequestsPerMinute: 10, jwksUri: `${issuer}/v1/keys` }),
  audience,
  issuer,
  algorithms: ['RS256'],
});

const app = express();
app.use(express.json());

app.post('/mcp', checkJwt, (req, res) => {
  const scopes = (req.auth?.scp ?? []);
  if (!scopes.includes('reports.read')) return res.status(403).json({ error: 'insufficient_scope' });
  res.json({ jsonrpc: '2.0', id: req.body.id, result: { content: [{ type: 'text', text: 'report' }] } });
});

app.use((err, _req, res, next) => {
  if (err.name === 'UnauthorizedError') {
    res.set('WWW-Authenticate', 'Bearer error="invalid_token"');
    return res.status(401).json({ error: 'invalid_token' });
  }
  return next(err);
});

app.listen(3001);
