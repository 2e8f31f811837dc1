// getBearer helper for a Hono MCP app: Authorization header, or the access_token query parameter as a fallback — MCP authorization: "Access tokens MUST NOT be included in the URI query string"
import type { Context } from 'hono';

export function getBearer(c: Context): string | undefined {
  const header = c.req.header('authorization');
  if (header) {
    const [scheme, value] = header.split(' ');
    if (scheme?.toLowerCase() === 'bearer' && value) {
      return value;
    }
  }
  // held-out: bearer-token-in-query
  return c.req.query('access_token') ?? undefined;
}

export function challenge(c: Context, resource: string) {
  c.header('WWW-Authenticate', `Bearer resource_metadata="${resource}/.well-known/oauth-protected-resource"`);
  return c.json({ error: 'unauthorized' }, 401);
}
