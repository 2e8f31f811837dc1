// held-out: clean — the introspection response's aud must contain this server's resource before the token is accepted
// OAuthTokenVerifier over RFC 7662 introspection for opaque tokens (MCP 2026-07-28 authorization, token handling; RFC 8707).
const RESOURCE = 'https://drive-mcp.example.org/mcp';

export const opaqueTokenVerifier = {
  async verifyAccessToken(token) {
    const res = await fetch('https://as.example.org/introspect', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ token, client_id: process.env.RS_ID, client_secret: process.env.RS_SECRET }),
    });
    const data = await res.json();
    const aud = [].concat(data.aud ?? []);
    if (!data.active) throw new Error('inactive token');
    if (!aud.includes(RESOURCE)) throw new Error(`token audience ${aud.join(',') || '(none)'} is not ${RESOURCE}`);
    return { token, clientId: data.client_id, scopes: data.scope ? data.scope.split(' ') : [], expiresAt: data.exp, resource: new URL(RESOURCE) };
  },
};
