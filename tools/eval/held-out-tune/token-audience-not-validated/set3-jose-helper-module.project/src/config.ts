// Configuration module: issuer, JWKS location and the server's public URL (used for the protected resource metadata)
export const config = {
  port: Number(process.env.PORT ?? 8080),
  issuer: process.env.AUTH_ISSUER ?? 'https://tenant.us.auth0.com/',
  jwksUri: process.env.AUTH_JWKS_URI ?? 'https://tenant.us.auth0.com/.well-known/jwks.json',
  publicUrl: process.env.PUBLIC_URL ?? 'https://mcp.acme.dev',
  scopes: ['read:projects', 'write:projects'],
} as const;
