// held-out: clean — the token is sent to its own issuer's introspection endpoint (RFC 7662) to validate it, not to a downstream API.
// OAuthTokenVerifier that introspects the client's token at the authorization server — AUTH token validation.
const INTROSPECT = 'https://idp.example.com/oauth2/introspect';
const RESOURCE = 'https://mcp.example.com/mcp';

export const verifier = {
  async verifyAccessToken(token) {
    const res = await fetch(INTROSPECT, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${btoa(`${process.env.RS_CLIENT_ID}:${process.env.RS_CLIENT_SECRET}`)}`,
      },
      body: new URLSearchParams({ token, token_type_hint: 'access_token' }),
    });
    const info = await res.json();
    const audiences = Array.isArray(info.aud) ? info.aud : [info.aud];
    if (!info.active || !audiences.includes(RESOURCE)) throw new Error('invalid token');
    return { token, clientId: info.client_id, scopes: (info.scope ?? '').split(' '), expiresAt: info.exp, resource: new URL(RESOURCE) };
  },
};
