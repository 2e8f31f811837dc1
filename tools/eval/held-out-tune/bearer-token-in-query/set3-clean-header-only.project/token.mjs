// held-out: clean — the helper reads the token from the Authorization header only; the server's query reads are search options
// Header-only bearer token helper used by the MCP server in server.mjs
export function bearerFrom(req) {
  const value = req.headers['authorization'];
  if (typeof value !== 'string') return null;
  const [scheme, token] = value.trim().split(/\s+/);
  if (!scheme || scheme.toLowerCase() !== 'bearer' || !token) return null;
  return token;
}

export function challengeHeader(resourceUrl) {
  return `Bearer error="invalid_token", resource_metadata="${resourceUrl}/.well-known/oauth-protected-resource"`;
}

export function scopesOf(claims) {
  return typeof claims.scope === 'string' ? claims.scope.split(' ') : [];
}

export function hasScope(claims, wanted) {
  return scopesOf(claims).includes(wanted);
}
