// held-out: clean — the API key is compared with crypto.timingSafeEqual on equal-length buffers; the length check only short-circuits on a public property
// Express middleware guarding a local MCP endpoint (timing-safe comparison of secrets).
import type { NextFunction, Request, Response } from 'express';
import { timingSafeEqual } from 'node:crypto';

const expected = Buffer.from(process.env.MCP_API_KEY ?? '', 'utf8');

export function apiKeyGuard(req: Request, res: Response, next: NextFunction) {
  const presented = Buffer.from(req.header('x-api-key') ?? '', 'utf8');
  const ok = expected.length > 0 && presented.length === expected.length && timingSafeEqual(presented, expected);
  if (!ok) {
    res.status(401).json({ error: 'unauthorized' });
    return;
  }
  next();
}
