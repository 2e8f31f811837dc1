// MCP gateway login route using openid-client (v5 API) with no state, nonce or PKCE in the authorization request; RFC 6749 §10.12, RFC 9700 §2.1, MCP BP state parameter.
import { Issuer } from 'openid-client';
import type { Request, Response } from 'express';

const issuer = await Issuer.discover(process.env.OIDC_ISSUER!);
export const oidcClient = new issuer.Client({
  client_id: process.env.OIDC_CLIENT_ID!,
  client_secret: process.env.OIDC_CLIENT_SECRET!,
  redirect_uris: [`${process.env.BASE_URL}/oidc/callback`],
  response_types: ['code'],
});

export function login(_req: Request, res: Response) {
  // held-out: oauth-state-missing
  const authorizationUrl = oidcClient.authorizationUrl({
    scope: 'openid email profile',
    redirect_uri: `${process.env.BASE_URL}/oidc/callback`,
  });
  res.redirect(authorizationUrl);
}
