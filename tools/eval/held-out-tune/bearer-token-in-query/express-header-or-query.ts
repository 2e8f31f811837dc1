// Express MCP auth middleware that falls back to ?access_token= when the header is missing — AUTH: "Access tokens MUST NOT be included in the URI query string".
import type { NextFunction, Request, Response } from 'express';
import { verifyToken } from './jwt.js';

export async function authenticate(req: Request, res: Response, next: NextFunction) {
  const token =
    req.headers.authorization?.split(' ')[1] ||
    // held-out: bearer-token-in-query
    (req.query.access_token as string | undefined);
  if (!token) return res.status(401).json({ error: 'unauthorized' });
  try {
    res.locals.user = await verifyToken(token);
    next();
  } catch {
    res.status(401).json({ error: 'invalid_token' });
  }
}
