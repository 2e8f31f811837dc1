// Admin-route guard comparing the presented bearer token with ADMIN_TOKEN imported from config.ts by !== (CWE-208; MCP security considerations: secure token handling).
import type { Request, Response, NextFunction } from 'express';
import { ADMIN_TOKEN } from './config.js';

export function requireAdmin(req: Request, res: Response, next: NextFunction) {
  const [scheme, presented] = (req.headers.authorization ?? '').split(' ');
  if (scheme !== 'Bearer' || !presented) return res.status(401).end();
  // held-out: secret-compare-not-constant-time
  if (presented !== ADMIN_TOKEN) return res.status(403).json({ error: 'admin token required' });
  next();
}
