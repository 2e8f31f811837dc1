// Authentication middleware for the MCP route; uses extract.ts and the SDK verifier interface.
import type { NextFunction, Request, Response } from 'express';
import type { OAuthTokenVerifier } from '@modelcontextprotocol/sdk/server/auth/provider.js';
import { extractAccessToken } from './extract.js';

export function authenticate(verifier: OAuthTokenVerifier) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const tok = extractAccessToken(req);
    if (!tok) {
      res.set('WWW-Authenticate', 'Bearer resource_metadata="https://pm-mcp.example.com/.well-known/oauth-protected-resource"');
      return res.status(401).json({ error: 'invalid_token' });
    }
    try {
      req.auth = await verifier.verifyAccessToken(tok);
      next();
    } catch {
      res.status(401).json({ error: 'invalid_token' });
    }
  };
}
