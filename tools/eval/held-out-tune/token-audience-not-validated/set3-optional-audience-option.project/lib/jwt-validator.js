// Reusable validator class: passes `audience` to jose only when its caller configured one (undefined means jose skips the check)
import { createRemoteJWKSet, jwtVerify } from 'jose';

export class JwtAccessTokenValidator {
  /**
   * @param {{ jwksUri: string, issuer: string, audience?: string | string[] }} options
   */
  constructor(options) {
    this.issuer = options.issuer;
    this.audience = options.audience;
    this.keys = createRemoteJWKSet(new URL(options.jwksUri));
  }

  async validate(token) {
    const { payload } = await jwtVerify(token, this.keys, {
      issuer: this.issuer,
      audience: this.audience,
      algorithms: ['RS256'],
    });
    return payload;
  }
}
