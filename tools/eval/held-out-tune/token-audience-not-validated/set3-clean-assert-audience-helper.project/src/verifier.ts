// held-out: clean — the signature is checked with jose and the audience with assertAudience (claims.ts) before the token is accepted
// OAuthTokenVerifier for an MCP server on Microsoft Entra ID (v2 tokens carry the API's client id or App ID URI in aud)
import { createRemoteJWKSet, jwtVerify } from 'jose';
import type { OAuthTokenVerifier } from '@modelcontextprotocol/sdk/server/auth/provider.js';
import { InvalidTokenError } from '@modelcontextprotocol/sdk/server/auth/errors.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/types.js';
import { assertAudience, scopesOf } from './claims.js';

const tenant = process.env.AZURE_TENANT_ID!;
const apiAudience = process.env.API_AUDIENCE ?? 'api://mcp-sharepoint';
const keys = createRemoteJWKSet(new URL(`https://login.microsoftonline.com/${tenant}/discovery/v2.0/keys`));

export class EntraVerifier implements OAuthTokenVerifier {
  async verifyAccessToken(token: string): Promise<AuthInfo> {
    try {
      const { payload } = await jwtVerify(token, keys, { issuer: `https://login.microsoftonline.com/${tenant}/v2.0` });
      assertAudience(payload, apiAudience);
      return { token, clientId: String(payload.azp), scopes: scopesOf(payload), expiresAt: payload.exp };
    } catch (error) {
      throw new InvalidTokenError((error as Error).message);
    }
  }
}
