// express-jwt in front of an MCP endpoint, keys from jwks-rsa, issuer set and audience left out — MCP 2026-07-28 authorization, token handling (RFC 8707 §2 audience).
import express from 'express';
import { expressjwt } from 'express-jwt';
import jwksRsa from 'jwks-rsa';
import { mcpRouter } from './mcp-router.js';

const app = express();

app.use(
  '/mcp',
  // held-out: token-audience-not-validated
  expressjwt({
    secret: jwksRsa.expressJwtSecret({
      cache: true,
      rateLimit: true,
      jwksUri: 'https://dev-ab12cd.okta.com/oauth2/default/v1/keys',
    }),
    issuer: 'https://dev-ab12cd.okta.com/oauth2/default',
    algorithms: ['RS256'],
  }),
  mcpRouter,
);

app.use((err, req, res, next) => {
  if (err.name === 'UnauthorizedError') {
    return res.status(401).set('WWW-Authenticate', 'Bearer error="invalid_token"').json({ error: err.message });
  }
  next(err);
});

app.listen(3000);
