// held-out: clean — the received token goes only to this server's own authorization server's introspection endpoint; the Authorization header carries the server's client credentials
// Token verifier for requireBearerAuth using RFC 7662 introspection; the bearer token is the form field `token`, not an outbound credential (SEC: token passthrough; RFC 7662 §2.1).
import type { OAuthTokenVerifier } from '@modelcontextprotocol/sdk/server/auth/provider.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import { InvalidTokenError } from '@modelcontextprotocol/sdk/server/auth/errors.js';

const INTROSPECT = 'https://idp.example.com/oauth2/introspect';
const RESOURCE = 'https://files-mcp.example.com/mcp';

export const introspectingVerifier: OAuthTokenVerifier = {
  async verifyAccessToken(accessToken: string): Promise<AuthInfo> {
    const creds = Buffer.from(`${process.env.RS_CLIENT_ID}:${process.env.RS_CLIENT_SECRET}`).toString('base64');
    const res = await fetch(INTROSPECT, {
      method: 'POST',
      headers: { Authorization: `Basic ${creds}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: accessToken, token_type_hint: 'access_token' }),
    });
    const info = (await res.json()) as { active: boolean; aud?: string | string[]; client_id: string; scope?: string; exp?: number };
    const aud = Array.isArray(info.aud) ? info.aud : info.aud ? [info.aud] : [];
    if (!info.active || !aud.includes(RESOURCE)) throw new InvalidTokenError('token not valid for this resource');
    return { token: accessToken, clientId: info.client_id, scopes: (info.scope ?? '').split(' ').filter(Boolean), expiresAt: info.exp, resource: new URL(RESOURCE) };
  },
};
