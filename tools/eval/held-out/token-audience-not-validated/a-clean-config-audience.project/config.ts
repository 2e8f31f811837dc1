// Settings module: the canonical URI of this MCP server doubles as the expected token audience.
export const settings = {
  issuer: process.env.OAUTH_ISSUER ?? 'https://auth.example.net',
  jwksUri: process.env.OAUTH_JWKS ?? 'https://auth.example.net/jwks',
  resourceUri: process.env.MCP_RESOURCE ?? 'https://tasks-mcp.example.net/mcp',
} as const;
