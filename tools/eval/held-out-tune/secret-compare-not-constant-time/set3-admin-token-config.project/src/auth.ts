// Admin middleware comparing the presented bearer token with the configured admin token (config.ts) by === (CWE-208)
import type { NextFunction, Request, Response } from 'express';
import { ADMIN_TOKEN } from './config.js';

export function requireAdmin(req: Request, res: Response, next: NextFunction) {
  const authorization = req.get('authorization') ?? '';
  const [scheme, presentedToken] = authorization.split(' ');
  if (scheme !== 'Bearer' || !presentedToken) {
    res.status(401).set('WWW-Authenticate', 'Bearer realm="admin"').json({ error: 'unauthorized' });
    return;
  }
  // held-out: secret-compare-not-constant-time
  const isAdmin = presentedToken === ADMIN_TOKEN;
  if (!isAdmin) {
    res.status(403).json({ error: 'forbidden' });
    return;
  }
  next();
}
