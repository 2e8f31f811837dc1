// held-out: clean — store of upstream (Spotify) tokens this server obtained as an OAuth client, keyed by the MCP user id
// Upstream token storage, encrypted at rest with AES-GCM
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const key = Buffer.from(process.env.TOKEN_ENCRYPTION_KEY!, 'base64');
const rows = new Map<string, string>();

export interface UpstreamTokens {
  accessToken: string;
  refreshToken: string;
  expiresAt: number;
}

export function saveUpstreamTokens(userId: string, tokens: UpstreamTokens) {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(tokens), 'utf8'), cipher.final()]);
  rows.set(userId, Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64'));
}

export function loadUpstreamTokens(userId: string): UpstreamTokens | undefined {
  const row = rows.get(userId);
  if (!row) return undefined;
  const raw = Buffer.from(row, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8'));
}
