// held-out: clean — settings module; the resource identifier defined here is passed as the audience in verify-token.mjs
// Loads and validates environment configuration once at start-up
function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`missing required environment variable ${name}`);
  return value;
}

export const settings = Object.freeze({
  port: Number(process.env.PORT ?? 3000),
  issuer: required('OIDC_ISSUER'),
  resource: process.env.MCP_RESOURCE ?? 'https://search.example.net/mcp',
  jwksUrl: new URL(process.env.OIDC_JWKS_URL ?? `${required('OIDC_ISSUER')}/.well-known/jwks.json`),
});
