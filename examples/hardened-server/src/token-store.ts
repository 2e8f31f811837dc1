/**
 * Keeps the user's provider tokens between restarts, encrypted with AES-256-GCM in a file only the user can read.
 * The key comes from the environment (in production, from the OS keychain or a KMS), never from the same disk.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';

export interface StoredTokens {
  provider: string;
  accessToken: string;
  refreshToken?: string;
}

const TOKEN_FILE = path.join(homedir(), '.mcp-tools-tokens.enc');

function encryptionKey(): Buffer {
  const key = Buffer.from(process.env.TOKEN_ENCRYPTION_KEY ?? '', 'base64');
  if (key.length !== 32) throw new Error('TOKEN_ENCRYPTION_KEY must be 32 bytes, base64-encoded');
  return key;
}

function encrypt(plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', encryptionKey(), iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64')).join('.');
}

function decrypt(sealed: string): string {
  const [iv, tag, ciphertext] = sealed.split('.').map((part) => Buffer.from(part, 'base64'));
  if (!iv || !tag || !ciphertext) throw new Error('The token file is damaged');
  const decipher = createDecipheriv('aes-256-gcm', encryptionKey(), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
}

export async function saveTokens(tokens: StoredTokens): Promise<void> {
  const all = await loadAll();
  all[tokens.provider] = tokens;
  await writeFile(TOKEN_FILE, encrypt(JSON.stringify(all)), { mode: 0o600 });
}

export async function loadTokens(provider: string): Promise<StoredTokens | undefined> {
  return (await loadAll())[provider];
}

async function loadAll(): Promise<Record<string, StoredTokens>> {
  try {
    return JSON.parse(decrypt(await readFile(TOKEN_FILE, 'utf8'))) as Record<string, StoredTokens>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
}
