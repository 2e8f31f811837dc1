// held-out: clean — the verifier calls assertIssuedForUs(), which rejects a token whose `aud` or RFC 8707 `resource` does not name this server.
// CommonJS class-based verifier for a node:http MCP server using jose.
const { createRemoteJWKSet, jwtVerify, errors } = require('jose');

const PUBLIC_RESOURCE = new URL('https://maps-mcp.example.com/mcp').href;

function assertIssuedForUs(claims) {
  const aud = [].concat(claims.aud || []);
  const resource = [].concat(claims.resource || []);
  if (!aud.includes(PUBLIC_RESOURCE) && !resource.includes(PUBLIC_RESOURCE)) {
    throw new errors.JWTClaimValidationFailed('token audience does not name this server', claims, 'aud', 'check_failed');
  }
}

class MapsTokenVerifier {
  constructor(issuer) {
    this.issuer = issuer;
    this.jwks = createRemoteJWKSet(new URL('/.well-known/jwks.json', issuer));
  }

  async verifyAccessToken(accessToken) {
    const { payload } = await jwtVerify(accessToken, this.jwks, { issuer: this.issuer });
    assertIssuedForUs(payload);
    return {
      token: accessToken,
      clientId: payload.client_id,
      scopes: (payload.scope || '').split(' '),
      expiresAt: payload.exp,
      resource: new URL(PUBLIC_RESOURCE),
    };
  }
}

module.exports = { MapsTokenVerifier };
