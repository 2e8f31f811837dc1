// Configuration of an MCP OAuth server: the redirect URI patterns it accepts for every client
export const ISSUER = process.env.ISSUER ?? 'https://auth.mcp-tools.dev';

export const ALLOWED_REDIRECT_PATTERNS = [
  /^https:\/\/claude\.ai\/api\/mcp\/auth_callback/,
  /^https:\/\/[\w-]+\.cursor\.sh\//,
  /^http:\/\/(localhost|127\.0\.0\.1):\d+\//,
];

export const CODE_TTL_MS = 5 * 60 * 1000;

export const SCOPES_SUPPORTED = ['mcp:read', 'mcp:write'];

export function metadata() {
  return {
    issuer: ISSUER,
    authorization_endpoint: `${ISSUER}/authorize`,
    token_endpoint: `${ISSUER}/token`,
    scopes_supported: SCOPES_SUPPORTED,
    code_challenge_methods_supported: ['S256'],
  };
}
