// held-out: clean — this helper only extracts the bearer token; the passthrough happens in tools.ts.
// Helper module of an MCP server: reads the client's bearer token from the request (SEC token passthrough case, see tools.ts).
import type { Request } from 'express';

export function bearerFrom(req: Request): string | undefined {
  const header = req.get('authorization');
  const match = header?.match(/^Bearer (.+)$/);
  return match?.[1];
}
