// JWT check used by index.ts.
import { createRemoteJWKSet, jwtVerify } from 'jose';

export async function verify(jwt: string, issuer: string): Promise<boolean> {
  try {
    await jwtVerify(jwt, createRemoteJWKSet(new URL(`${issuer}/jwks`)), { issuer, audience: 'https://search-mcp.example.com' });
    return true;
  } catch {
    return false;
  }
}
