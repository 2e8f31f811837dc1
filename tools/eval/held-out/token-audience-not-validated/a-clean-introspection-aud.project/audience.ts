// Audience check shared by the verifiers: the aud claim must contain this server's resource identifier.
import { InvalidTokenError } from '@modelcontextprotocol/sdk/server/auth/errors.js';

export function assertAudience(aud: string | string[] | undefined, resource: string): void {
  const list = aud === undefined ? [] : Array.isArray(aud) ? aud : [aud];
  if (!list.includes(resource)) {
    throw new InvalidTokenError(`token audience ${JSON.stringify(aud)} does not include ${resource}`);
  }
}
