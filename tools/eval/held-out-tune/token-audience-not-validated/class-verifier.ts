// Class implementing the SDK's OAuthTokenVerifier whose jwtVerify sets issuer and clock tolerance, no audience — AUTH: "MUST validate that access tokens were issued specifically for them".
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { OAuthTokenVerifier } from '@modelcontextprotocol/sdk/server/auth/provider.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';

export class OktaTokenVerifier implements OAuthTokenVerifier {
  private readonly keys: JWTVerifyGetKey;

  constructor(private readonly issuer: string) {
    this.keys = createRemoteJWKSet(new URL(`${issuer}/v1/keys`));
  }

  async verifyAccessToken(token: string): Promise<AuthInfo> {
    // held-out: token-audience-not-validated
    const { payload } = await jwtVerify(token, this.keys, { issuer: this.issuer, clockTolerance: 30 });
    return {
      token,
      clientId: payload.cid as string,
      scopes: (payload.scp as string[] | undefined) ?? [],
      expiresAt: payload.exp,
      extra: { userId: payload.uid },
    };
  }
}
