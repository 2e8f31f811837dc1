// held-out: clean — only SHA-256 hashes of API keys are stored; the store is searched by hash and hashes are what get compared
// MCP server API keys kept as hashes (MCP security considerations: secure token storage); comparing digests reveals nothing usable about the key.
import { createHash } from 'node:crypto';
import type { Request, Response, NextFunction } from 'express';
import { keyStore } from './key-store.js';

const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

export async function apiKeyAuth(req: Request, res: Response, next: NextFunction) {
  const presented = req.get('x-api-key');
  if (!presented) return res.status(401).json({ error: 'missing key' });
  const presentedHash = hashKey(presented);
  const stored = await keyStore.findByHash(presentedHash);
  if (!stored || stored.keyHash !== presentedHash || stored.revokedAt) {
    return res.status(401).json({ error: 'invalid key' });
  }
  res.locals.accountId = stored.accountId;
  next();
}
