// Encrypted per-user store of upstream (Dropbox) tokens obtained by this server's own OAuth client.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL!);
const key = Buffer.from(process.env.TOKEN_ENC_KEY!, 'base64');

function seal(plain: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return Buffer.concat([iv, c.getAuthTag(), body]).toString('base64');
}

function open(sealed: string): string {
  const raw = Buffer.from(sealed, 'base64');
  const d = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  d.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
}

export const upstreamTokens = {
  async put(subject: string, dropboxAccessToken: string) {
    await redis.set(`dbx:${subject}`, seal(dropboxAccessToken), 'EX', 14_400);
  },
  async get(subject: string): Promise<string | undefined> {
    const v = await redis.get(`dbx:${subject}`);
    return v ? open(v) : undefined;
  },
};
