// Configuration of a Linear MCP server's OAuth client: endpoints, scopes and a fixed "state" string shared by every login.
export const LINEAR = {
  authorizeUrl: 'https://linear.example/oauth/authorize',
  tokenUrl: 'https://api.linear.example/oauth/token',
  redirectUri: 'https://linear-mcp.example.com/oauth/callback',
  scopes: ['read', 'issues:create'],
};

export const OAUTH_STATE = 'linear-mcp-login';
