// held-out: clean — helper middleware: rejects a present, foreign Origin with 403 and a non-local Host header
// Shared guard the server in server.ts mounts before its MCP routes (MCP transports: Origin validation, 403 Forbidden).
import type { NextFunction, Request, Response } from 'express';

export function localOnly(port: number) {
  const hosts = new Set([`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]);
  return (req: Request, res: Response, next: NextFunction) => {
    const origin = req.get('origin');
    if (origin) {
      let originHost: string;
      try {
        originHost = new URL(origin).host;
      } catch {
        return res.status(403).json({ error: 'invalid origin' });
      }
      if (!hosts.has(originHost)) return res.status(403).json({ error: 'origin not allowed' });
    }
    if (!hosts.has(req.get('host') ?? '')) return res.status(403).json({ error: 'host not allowed' });
    next();
  };
}
