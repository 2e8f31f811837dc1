// MCP server auth middleware using jsonwebtoken with a jwks-rsa key callback; jwt.verify gets the callback and no options at all — MCP 2026-07-28 authorization, token handling (RFC 8707 audience validation).
import type { NextFunction, Request, Response } from 'express';
import jwt, { type JwtHeader, type SigningKeyCallback } from 'jsonwebtoken';
import jwksClient from 'jwks-rsa';

const keys = jwksClient({
  jwksUri: 'https://keycloak.example.org/realms/tools/protocol/openid-connect/certs',
  cache: true,
  rateLimit: true,
});

function getKey(header: JwtHeader, callback: SigningKeyCallback) {
  keys.getSigningKey(header.kid, (err, key) => callback(err, key?.getPublicKey()));
}

export function mcpAuth(req: Request, res: Response, next: NextFunction) {
  const raw = req.headers.authorization?.split(' ')[1];
  if (!raw) return res.status(401).set('WWW-Authenticate', 'Bearer').end();

  // held-out: token-audience-not-validated
  jwt.verify(raw, getKey, (err, decoded) => {
    if (err || !decoded || typeof decoded === 'string') {
      return res.status(401).set('WWW-Authenticate', 'Bearer error="invalid_token"').end();
    }
    res.locals.subject = decoded.sub;
    res.locals.scopes = String(decoded.scope ?? '').split(' ');
    next();
  });
}
