// held-out: clean — the bearer secret is compared with crypto.timingSafeEqual after an explicit length check on equal-encoding buffers.
// Express middleware of a remote MCP server with a shared bearer secret; CWE-208 mitigation (Node.js crypto.timingSafeEqual).
import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const expected = Buffer.from(process.env.MCP_SHARED_SECRET ?? '', 'utf8');

export function bearerGuard(req: Request, res: Response, next: NextFunction) {
  const header = req.headers.authorization;
  if (!header?.startsWith('Bearer ')) return res.status(401).set('WWW-Authenticate', 'Bearer').end();
  const presented = Buffer.from(header.slice('Bearer '.length), 'utf8');
  if (expected.length === 0 || presented.length !== expected.length || !timingSafeEqual(presented, expected)) {
    return res.status(401).set('WWW-Authenticate', 'Bearer error="invalid_token"').end();
  }
  next();
}
