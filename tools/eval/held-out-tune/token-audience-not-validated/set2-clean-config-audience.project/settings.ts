// held-out: clean — settings module: the verification options include the resource as audience
// Settings of a multi-file MCP server (MCP 2026-07-28 authorization, token handling).
export const settings = {
  issuer: process.env.ISSUER ?? 'https://auth.plants.example',
  jwksUrl: process.env.JWKS_URL ?? 'https://auth.plants.example/.well-known/jwks.json',
  resource: process.env.RESOURCE ?? 'https://plants-mcp.example/mcp',
} as const;

export const verifyOptions = {
  issuer: settings.issuer,
  audience: settings.resource,
  algorithms: ['RS256'],
};
