// Express MCP server accepting Microsoft Entra v2 tokens from a tenant-specific issuer, signature and issuer checked, audience not — MCP 2026-07-28 authorization, token handling (a Graph token for the same tenant passes).
import express from 'express';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';

const TENANT = process.env.ENTRA_TENANT_ID!;
const ISSUER = `https://login.microsoftonline.com/${TENANT}/v2.0`;
const JWKS = createRemoteJWKSet(new URL(`https://login.microsoftonline.com/${TENANT}/discovery/v2.0/keys`));

export const app = express();

app.use('/mcp', async (req, res, next) => {
  const accessToken = req.header('authorization')?.replace(/^Bearer /, '');
  if (!accessToken) return res.status(401).set('WWW-Authenticate', 'Bearer').end();
  try {
    const unverified = decodeJwt(accessToken);
    if (unverified.ver !== '2.0') throw new Error('v1 tokens are not supported');
    // held-out: token-audience-not-validated
    const { payload } = await jwtVerify(accessToken, JWKS, { issuer: ISSUER, requiredClaims: ['oid', 'scp'] });
    res.locals.oid = payload.oid;
    res.locals.scopes = String(payload.scp).split(' ');
    next();
  } catch (err) {
    res.status(401).set('WWW-Authenticate', `Bearer error="invalid_token", error_description="${(err as Error).message}"`).end();
  }
});
