// token-audience-not-validated: a reusable validator class checks signature, issuer and clock skew but has no audience — AUTH "MCP servers MUST validate that access tokens were issued specifically for them as the intended audience."
import { createRemoteJWKSet, jwtVerify } from 'jose';

export class TokenValidator {
  #jwks;
  #issuer;

  constructor({ issuer, jwksUri }) {
    this.#issuer = issuer;
    this.#jwks = createRemoteJWKSet(new URL(jwksUri));
  }

  async validate(accessToken) {
    // held-out: token-audience-not-validated
    const result = await jwtVerify(accessToken, this.#jwks, { issuer: this.#issuer, clockTolerance: 30 });
    return result.payload;
  }
}
