// held-out: clean — the introspection response is accepted only when active and its aud includes this server's resource identifier
// OAuthTokenVerifier over RFC 7662 introspection that enforces the audience (SEC: "MUST reject tokens that do not include them in the audience claim")
import type { OAuthTokenVerifier } from '@modelcontextprotocol/sdk/server/auth/provider.js';
import { InvalidTokenError, ServerError } from '@modelcontextprotocol/sdk/server/auth/errors.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/types.js';

interface Introspection {
  active: boolean;
  client_id?: string;
  scope?: string;
  exp?: number;
  aud?: string | string[];
}

const INTROSPECT_URL = process.env.INTROSPECTION_URL!;
const RESOURCE_ID = process.env.RESOURCE_ID ?? 'https://mcp.example.com/mcp';
const credentials = Buffer.from(`${process.env.RS_CLIENT_ID}:${process.env.RS_CLIENT_SECRET}`).toString('base64');

function audiences(value: Introspection['aud']): string[] {
  if (!value) return [];
  return Array.isArray(value) ? value : [value];
}

export const verifier: OAuthTokenVerifier = {
  async verifyAccessToken(token: string): Promise<AuthInfo> {
    const res = await fetch(INTROSPECT_URL, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: `Basic ${credentials}` },
      body: new URLSearchParams({ token }),
    });
    if (!res.ok) throw new ServerError(`introspection failed (${res.status})`);
    const info = (await res.json()) as Introspection;
    if (!info.active) throw new InvalidTokenError('inactive token');
    if (!audiences(info.aud).includes(RESOURCE_ID)) throw new InvalidTokenError('token was not issued for this server');
    return {
      token,
      clientId: info.client_id ?? 'unknown',
      scopes: info.scope?.split(' ') ?? [],
      expiresAt: info.exp,
      resource: new URL(RESOURCE_ID),
    };
  },
};
