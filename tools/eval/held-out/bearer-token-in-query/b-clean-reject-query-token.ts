// held-out: clean — the server looks at req.query.access_token only to refuse such requests with 400; the credential is taken from the Authorization header alone.
// TypeScript Express middleware of an MCP resource server enforcing "Access tokens MUST NOT be included in the URI query string".
import type { NextFunction, Request, Response } from 'express';
import type { OAuthTokenVerifier } from '@modelcontextprotocol/sdk/server/auth/provider.js';

export function headerOnlyBearer(verifier: OAuthTokenVerifier, metadataUrl: string) {
  return async (req: Request, res: Response, next: NextFunction) => {
    if (req.query.access_token !== undefined || req.query.token !== undefined) {
      res.status(400).json({ error: 'invalid_request', error_description: 'access tokens are not accepted in the query string' });
      return;
    }
    const header = req.get('authorization');
    if (!header?.startsWith('Bearer ')) {
      res.status(401).set('WWW-Authenticate', `Bearer resource_metadata="${metadataUrl}"`).end();
      return;
    }
    try {
      req.auth = await verifier.verifyAccessToken(header.slice('Bearer '.length));
      next();
    } catch {
      res.status(401).set('WWW-Authenticate', `Bearer error="invalid_token", resource_metadata="${metadataUrl}"`).end();
    }
  };
}
