// held-out: clean — every /mcp request passes an Origin allow-list check (403 on a foreign Origin) and a Host check before reaching the transport
// Middleware for the local Express MCP server in server.ts (Streamable HTTP: "If the Origin header is present and invalid, servers MUST respond with HTTP 403 Forbidden").
import type { NextFunction, Request, Response } from 'express';

export function originGuard(port: number) {
  const allowedOrigins = new Set([`http://localhost:${port}`, `http://127.0.0.1:${port}`]);
  const allowedHosts = new Set([`localhost:${port}`, `127.0.0.1:${port}`]);
  return (req: Request, res: Response, next: NextFunction) => {
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins.has(origin)) {
      return res.status(403).json({ jsonrpc: '2.0', error: { code: -32000, message: 'Forbidden origin' }, id: null });
    }
    if (!allowedHosts.has(req.headers.host ?? '')) {
      return res.status(403).json({ jsonrpc: '2.0', error: { code: -32000, message: 'Forbidden host' }, id: null });
    }
    next();
  };
}
