// held-out: clean — the bearer token is checked with safeEqual from safe-equal.ts; the only === compares the scheme
// Express middleware protecting the MCP endpoint with a configured token
import type { NextFunction, Request, Response } from 'express';
import { safeEqual } from './safe-equal.js';

const configuredToken = process.env.MCP_BEARER_TOKEN ?? '';

export function bearerGuard(req: Request, res: Response, next: NextFunction) {
  const [scheme, token] = (req.get('authorization') ?? '').split(' ');
  if (scheme?.toLowerCase() === 'bearer' && token && configuredToken && safeEqual(token, configuredToken)) {
    return next();
  }
  res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'unauthorized' });
}
