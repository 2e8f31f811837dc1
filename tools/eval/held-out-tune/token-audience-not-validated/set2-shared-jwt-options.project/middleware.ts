// Bearer middleware using the shared verification options from config.ts.
import type { NextFunction, Request, Response } from 'express';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { AUTH_SERVER, accessTokenOptions } from './config.js';

const jwks = createRemoteJWKSet(new URL('/jwks', AUTH_SERVER));

export async function bearer(req: Request, res: Response, next: NextFunction) {
  const token = req.headers.authorization?.slice('Bearer '.length);
  if (!token) return res.status(401).set('WWW-Authenticate', 'Bearer').end();
  try {
    const { payload } = await jwtVerify(token, jwks, accessTokenOptions);
    res.locals.user = payload.sub;
    return next();
  } catch {
    return res.status(401).set('WWW-Authenticate', 'Bearer error="invalid_token"').end();
  }
}
