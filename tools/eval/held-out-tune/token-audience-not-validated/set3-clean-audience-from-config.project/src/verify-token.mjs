// held-out: clean — jwtVerify receives the audience from the settings module (another file), so aud is enforced
// Access-token verification for the MCP server's requireBearerAuth
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { InvalidTokenError } from '@modelcontextprotocol/sdk/server/auth/errors.js';
import { settings } from './settings.mjs';

const keys = createRemoteJWKSet(settings.jwksUrl);

export async function verifyAccessToken(token) {
  try {
    const { payload } = await jwtVerify(token, keys, { issuer: settings.issuer, audience: settings.resource });
    return {
      token,
      clientId: payload.client_id ?? payload.azp,
      scopes: (payload.scope ?? '').split(' ').filter(Boolean),
      expiresAt: payload.exp,
      resource: new URL(settings.resource),
    };
  } catch (err) {
    throw new InvalidTokenError(`rejected: ${err.code ?? err.message}`);
  }
}
