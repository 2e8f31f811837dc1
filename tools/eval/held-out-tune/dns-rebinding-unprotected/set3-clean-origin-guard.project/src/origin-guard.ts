// held-out: clean — the guard validates Origin and Host for every request; server.ts mounts it before the MCP routes
// Express middleware factory validating the Origin and Host headers of a local MCP server
import type { Request, Response, NextFunction, RequestHandler } from 'express';

export interface GuardOptions {
  port: number;
  extraOrigins?: string[];
}

export function originGuard({ port, extraOrigins = [] }: GuardOptions): RequestHandler {
  const hosts = new Set([`localhost:${port}`, `127.0.0.1:${port}`]);
  const origins = new Set([...[...hosts].map((h) => `http://${h}`), ...extraOrigins]);
  return (req: Request, res: Response, next: NextFunction) => {
    const host = req.get('host');
    const origin = req.get('origin');
    if (!host || !hosts.has(host)) {
      res.status(403).json({ jsonrpc: '2.0', error: { code: -32000, message: `Invalid Host: ${host}` }, id: null });
      return;
    }
    if (origin && !origins.has(origin)) {
      res.status(403).json({ jsonrpc: '2.0', error: { code: -32000, message: `Invalid Origin: ${origin}` }, id: null });
      return;
    }
    next();
  };
}
