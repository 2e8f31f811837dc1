// held-out: clean — helper performing an RFC 8693 token exchange at Okta for a token whose audience is the downstream API
// Token exchange with a small cache keyed by the subject token's hash
import { createHash } from 'node:crypto';

const OKTA_TOKEN_URL = `${process.env.OKTA_ISSUER}/v1/token`;
const cache = new Map<string, { token: string; expiresAt: number }>();

export async function downstreamTokenFor(subjectToken: string, audience: string): Promise<string> {
  const key = createHash('sha256').update(`${audience}\0${subjectToken}`).digest('base64url');
  const hit = cache.get(key);
  if (hit && hit.expiresAt > Date.now()) return hit.token;

  const res = await fetch(OKTA_TOKEN_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
      client_id: process.env.OKTA_CLIENT_ID!,
      client_secret: process.env.OKTA_CLIENT_SECRET!,
      subject_token: subjectToken,
      subject_token_type: 'urn:ietf:params:oauth:token-type:access_token',
      audience,
      scope: 'records.read',
    }),
  });
  if (!res.ok) throw new Error(`token exchange rejected (${res.status})`);
  const { access_token, expires_in } = (await res.json()) as { access_token: string; expires_in: number };
  cache.set(key, { token: access_token, expiresAt: Date.now() + (expires_in - 30) * 1000 });
  return access_token;
}
