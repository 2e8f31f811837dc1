// TypeScript authenticator class of a node:http MCP server: the configured key is compared to the header with === — secrets must be compared in constant time.
import type { IncomingMessage } from 'node:http';

export class StaticKeyAuthenticator {
  constructor(private readonly apiKey: string) {
    if (apiKey.length < 32) throw new Error('MCP_SERVER_KEY too short');
  }

  isAuthorized(req: IncomingMessage): boolean {
    const header = req.headers.authorization;
    if (typeof header !== 'string') return false;
    // held-out: secret-compare-not-constant-time
    return header === `Bearer ${this.apiKey}`;
  }
}

export const authenticator = new StaticKeyAuthenticator(process.env.MCP_SERVER_KEY ?? '');
