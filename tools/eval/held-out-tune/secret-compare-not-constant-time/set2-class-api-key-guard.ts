// A reusable ApiKeyGuard class whose check() compares the presented key with the expected one by === (CWE-208; MCP security considerations: secure token handling).
import type { IncomingMessage, ServerResponse } from 'node:http';

export class ApiKeyGuard {
  constructor(private readonly expectedKey: string, private readonly headerName = 'x-api-key') {
    if (!expectedKey) throw new Error('ApiKeyGuard needs a key');
  }

  check(presentedKey: string | undefined): boolean {
    // held-out: secret-compare-not-constant-time
    return presentedKey !== undefined && presentedKey === this.expectedKey;
  }

  handle(req: IncomingMessage, res: ServerResponse): boolean {
    const value = req.headers[this.headerName];
    if (this.check(Array.isArray(value) ? value[0] : value)) return true;
    res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"unauthorized"}');
    return false;
  }
}

export const guard = new ApiKeyGuard(process.env.MCP_API_KEY ?? '');
