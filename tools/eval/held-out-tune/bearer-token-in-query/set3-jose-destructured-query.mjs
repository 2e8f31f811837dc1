// Express middleware that destructures access_token from req.query and verifies it with jose — MCP authorization: "Access tokens MUST NOT be included in the URI query string"
import express from 'express';
import { createRemoteJWKSet, jwtVerify } from 'jose';

const ISSUER = process.env.OAUTH_ISSUER ?? 'https://auth.example.org';
const JWKS = createRemoteJWKSet(new URL(`${ISSUER}/.well-known/jwks.json`));

export function requireToken() {
  return async (req, res, next) => {
    // held-out: bearer-token-in-query
    const { access_token } = req.query;
    if (typeof access_token !== 'string' || access_token.length === 0) {
      res.status(401).json({ error: 'missing access_token' });
      return;
    }
    try {
      const { payload } = await jwtVerify(access_token, JWKS, {
        issuer: ISSUER,
        audience: 'https://mcp.example.org/mcp',
      });
      req.user = { sub: payload.sub, scopes: String(payload.scope ?? '').split(' ') };
      next();
    } catch (err) {
      res.status(401).json({ error: 'invalid_token', error_description: err.message });
    }
  };
}

const app = express();
app.use(express.json());
app.post('/mcp', requireToken(), (req, res) => {
  res.json({ jsonrpc: '2.0', id: req.body.id ?? null, result: { user: req.user.sub } });
});

app.listen(3030, '127.0.0.1');
