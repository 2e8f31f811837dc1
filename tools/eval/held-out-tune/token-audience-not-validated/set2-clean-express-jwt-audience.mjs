// held-out: clean — express-jwt with issuer and audience set to the MCP endpoint's resource identifier
// Okta-protected MCP endpoint (MCP 2026-07-28 authorization, token handling).
import express from 'express';
import { expressjwt } from 'express-jwt';
import jwksRsa from 'jwks-rsa';
import { mcpRouter } from './mcp-router.mjs';

const app = express();

app.use(
  '/mcp',
  expressjwt({
    secret: jwksRsa.expressJwtSecret({ cache: true, jwksUri: 'https://acme.okta.com/oauth2/aus1mcp/v1/keys' }),
    issuer: 'https://acme.okta.com/oauth2/aus1mcp',
    audience: 'https://tools.acme.com/mcp',
    algorithms: ['RS256'],
  }),
  mcpRouter,
);

app.listen(3000);
