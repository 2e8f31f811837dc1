// Request helpers of a Slack MCP server: pulls the bearer credential out of the Authorization header.
import type { Request } from 'express';

export function bearerOf(req: Request): string | undefined {
  const value = req.headers.authorization;
  if (!value || !/^bearer /i.test(value)) return undefined;
  return value.slice(7).trim();
}
