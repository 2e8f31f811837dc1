// Helper that extracts the caller's access token for server.ts; it reads the token from the query string (MCP authorization: "Access tokens MUST NOT be included in the URI query string").
import type { IncomingMessage } from 'node:http';

export function extractToken(req: IncomingMessage & { query?: Record<string, unknown> }): string | undefined {
  const header = req.headers['authorization'];
  if (typeof header === 'string' && /^Bearer /i.test(header)) return header.slice(7).trim();
  // held-out: bearer-token-in-query
  const fromQuery = req.query?.['access_token'];
  return typeof fromQuery === 'string' ? fromQuery : undefined;
}
