// bearer-token-in-query: the shared token extractor accepts a token from the query string as a second source — AUTH "Access tokens MUST NOT be included in the URI query string"
import type { Request } from 'express';

export function extractAccessToken(req: Request): string | undefined {
  const auth = req.get('authorization');
  if (auth && /^Bearer\s/i.test(auth)) return auth.replace(/^Bearer\s+/i, '');
  // held-out: bearer-token-in-query
  if (typeof req.query.token === 'string' && req.query.token.length > 0) return req.query.token;
  return undefined;
}
