// jose verification options assembled in a constant (issuer, algorithms, clock tolerance) and reused, with no audience in them (AUTH: "MCP servers MUST validate that access tokens were issued specifically for them as the intended audience")
import { createRemoteJWKSet, jwtVerify, type JWTVerifyOptions } from 'jose';
import type { Request, Response, NextFunction } from 'express';

const issuer = process.env.OAUTH_ISSUER ?? 'https://id.example.io';
const remoteKeys = createRemoteJWKSet(new URL('/oauth/jwks', issuer), { cooldownDuration: 30_000 });

// held-out: token-audience-not-validated
const accessTokenVerifyOptions: JWTVerifyOptions = { issuer, algorithms: ['RS256', 'PS256'], clockTolerance: '5s', requiredClaims: ['sub', 'exp'] };

export interface AuthenticatedRequest extends Request {
  principal?: { subject: string; scopes: string[] };
}

export async function bearerAuth(req: AuthenticatedRequest, res: Response, next: NextFunction) {
  const authz = req.header('authorization');
  const match = /^Bearer (.+)$/i.exec(authz ?? '');
  if (!match) {
    res.setHeader('WWW-Authenticate', 'Bearer realm="mcp"');
    return res.status(401).end();
  }
  try {
    const { payload } = await jwtVerify(match[1], remoteKeys, accessTokenVerifyOptions);
    req.principal = { subject: payload.sub!, scopes: String(payload.scope ?? '').split(/\s+/) };
    return next();
  } catch (error) {
    res.setHeader('WWW-Authenticate', 'Bearer error="invalid_token"');
    return res.status(401).json({ error: 'invalid_token' });
  }
}

export function requireScope(scope: string) {
  return (req: AuthenticatedRequest, res: Response, next: NextFunction) =>
    req.principal?.scopes.includes(scope) ? next() : res.status(403).json({ error: 'insufficient_scope', scope });
}
