// held-out: clean — a token sent in the query string is refused with 400 invalid_request; only the Authorization header is accepted
// Express middleware in front of the MCP endpoint (AUTH: "Access tokens MUST NOT be included in the URI query string"; RFC 6750 §3.1).
import type { NextFunction, Request, Response } from 'express';

const FORBIDDEN_PARAMS = ['access_token', 'token', 'bearer'];

export function refuseQueryTokens(req: Request, res: Response, next: NextFunction) {
  const offending = FORBIDDEN_PARAMS.filter((p) => p in req.query);
  if (offending.length > 0) {
    res.set('WWW-Authenticate', 'Bearer error="invalid_request", error_description="send the token in the Authorization header"');
    return res.status(400).json({ error: 'invalid_request', rejected: offending });
  }
  next();
}

export function headerToken(req: Request): string | undefined {
  const m = /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/.exec(req.headers.authorization ?? '');
  return m?.[1];
}
