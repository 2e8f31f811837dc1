// JWT verification for handler.js.
import { createRemoteJWKSet, jwtVerify } from 'jose';

const jwks = createRemoteJWKSet(new URL('https://auth.example.com/.well-known/jwks.json'));

export async function verifyJwt(jwt) {
  const { payload } = await jwtVerify(jwt, jwks, { issuer: 'https://auth.example.com', audience: 'https://metrics-mcp.example.com' });
  return payload;
}
