// ESM verifier that checks issuer and a required scope but never the audience — AUTH: a scope check is not an audience check; tokens for other resources share scopes.
import * as jose from 'jose';

const issuer = process.env.OAUTH_ISSUER;
const keySet = jose.createRemoteJWKSet(new URL(`${issuer}/protocol/openid-connect/certs`));

export async function authenticate(req) {
  const bearerToken = (req.headers.authorization ?? '').replace(/^Bearer /, '');
  // held-out: token-audience-not-validated
  const { payload } = await jose.jwtVerify(bearerToken, keySet, { issuer, algorithms: ['RS256'] });
  const scopes = String(payload.scope ?? '').split(' ');
  if (!scopes.includes('mcp:tools')) {
    const error = new Error('insufficient_scope');
    error.status = 403;
    throw error;
  }
  return { subject: payload.sub, scopes };
}
