// Authorization-code issuance for authorize.ts.
import { randomBytes } from 'node:crypto';

const codes = new Map<string, { clientId: string; redirectUri: string; challenge: string; exp: number }>();

export async function issueCode(clientId: string, redirectUri: string, challenge: string): Promise<string> {
  const code = randomBytes(32).toString('base64url');
  codes.set(code, { clientId, redirectUri, challenge, exp: Date.now() + 60_000 });
  return code;
}
