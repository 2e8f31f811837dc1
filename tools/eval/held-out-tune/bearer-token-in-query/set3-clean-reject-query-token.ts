// held-out: clean — the server reads access_token from the query only to refuse the request (RFC 6750 §2.3 lets a server reject it); the credential is taken from the header
// Express MCP resource server that answers 400 invalid_request when a client tries a query-string token
import express from 'express';
import { verifyAccessToken } from './verify.js';

const app = express();
app.use(express.json());

app.use('/mcp', async (req, res, next) => {
  if ('access_token' in req.query) {
    res.status(400).json({
      error: 'invalid_request',
      error_description: 'Send the access token in the Authorization header, not the query string',
    });
    return;
  }
  const header = req.headers.authorization ?? '';
  if (!header.startsWith('Bearer ')) {
    res.set('WWW-Authenticate', 'Bearer resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource"');
    res.status(401).json({ error: 'unauthorized' });
    return;
  }
  try {
    res.locals.claims = await verifyAccessToken(header.slice('Bearer '.length));
    next();
  } catch {
    res.status(401).json({ error: 'invalid_token' });
  }
});

app.post('/mcp', (req, res) => {
  res.json({ jsonrpc: '2.0', id: req.body.id, result: { sub: res.locals.claims.sub } });
});

app.listen(8080);
