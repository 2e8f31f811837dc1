// verifyAccessToken backed by RFC 7662 introspection that accepts any active token, whatever its audience (SEC: "MUST reject tokens that do not include them in the audience claim or otherwise verify that they are the intended recipient of the token")
import express from 'express';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { InvalidTokenError, ServerError } from '@modelcontextprotocol/sdk/server/auth/errors.js';
import type { OAuthTokenVerifier } from '@modelcontextprotocol/sdk/server/auth/provider.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/types.js';

interface IntrospectionResponse {
  active: boolean;
  client_id?: string;
  scope?: string;
  exp?: number;
  aud?: string | string[];
  sub?: string;
}

const introspectionEndpoint = process.env.INTROSPECTION_URL!;
const basic = Buffer.from(`${process.env.RS_CLIENT_ID}:${process.env.RS_CLIENT_SECRET}`).toString('base64');

export const introspectingVerifier: OAuthTokenVerifier = {
  async verifyAccessToken(token: string): Promise<AuthInfo> {
    const response = await fetch(introspectionEndpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: `Basic ${basic}` },
      body: new URLSearchParams({ token, token_type_hint: 'access_token' }),
    });
    if (!response.ok) throw new ServerError(`introspection failed: ${response.status}`);
    const data = (await response.json()) as IntrospectionResponse;
    // held-out: token-audience-not-validated
    if (!data.active) throw new InvalidTokenError('token is not active');
    return {
      token,
      clientId: data.client_id ?? 'unknown',
      scopes: data.scope?.split(' ') ?? [],
      expiresAt: data.exp,
      extra: { sub: data.sub },
    };
  },
};

export function mountMcp(app: express.Express, handler: express.RequestHandler) {
  app.post('/mcp', requireBearerAuth({ verifier: introspectingVerifier, requiredScopes: ['mcp'] }), handler);
  app.get('/mcp', requireBearerAuth({ verifier: introspectingVerifier, requiredScopes: ['mcp'] }), handler);
}
