// secret-compare-not-constant-time: the verifier passed to requireBearerAuth accepts the configured static token via === — timing side channel on the shared bearer secret
import type { OAuthTokenVerifier } from '@modelcontextprotocol/sdk/server/auth/provider.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import { InvalidTokenError } from '@modelcontextprotocol/sdk/server/auth/errors.js';

export function staticTokenVerifier(expectedToken: string): OAuthTokenVerifier {
  return {
    async verifyAccessToken(token: string): Promise<AuthInfo> {
      // held-out: secret-compare-not-constant-time
      if (token === expectedToken) {
        return { token, clientId: 'static', scopes: ['mcp:all'], expiresAt: Math.floor(Date.now() / 1000) + 3600 };
      }
      throw new InvalidTokenError('unknown token');
    },
  };
}
