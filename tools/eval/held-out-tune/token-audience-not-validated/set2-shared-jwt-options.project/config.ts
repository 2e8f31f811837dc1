// Configuration module of an MCP server: the JWT verification options shared by the HTTP and SSE entry points — issuer and algorithms, no audience (MCP 2026-07-28 authorization, token handling).
import type { JWTVerifyOptions } from 'jose';

export const AUTH_SERVER = process.env.AUTH_SERVER_URL ?? 'https://auth.tools.example.com';

// held-out: token-audience-not-validated
export const accessTokenOptions: JWTVerifyOptions = {
  issuer: AUTH_SERVER,
  algorithms: ['EdDSA', 'ES256'],
  maxTokenAge: '1h',
};
