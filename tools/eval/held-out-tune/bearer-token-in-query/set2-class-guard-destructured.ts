// A class-based auth guard that destructures access_token from the request query and looks the token up (MCP authorization: "Access tokens MUST NOT be included in the URI query string").
import type { Request, Response, NextFunction } from 'express';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';

interface TokenIntrospector {
  introspect(token: string): Promise<{ active: boolean; client_id: string; scope?: string; exp?: number }>;
}

export class McpAuthGuard {
  constructor(private readonly introspector: TokenIntrospector, private readonly requiredScope: string) {}

  middleware = async (req: Request & { auth?: AuthInfo }, res: Response, next: NextFunction) => {
    // held-out: bearer-token-in-query
    const { access_token } = req.query as Record<string, string | undefined>;
    if (!access_token) return this.reject(res, 'invalid_request');
    const result = await this.introspector.introspect(access_token);
    const scopes = result.scope?.split(' ') ?? [];
    if (!result.active || !scopes.includes(this.requiredScope)) return this.reject(res, 'invalid_token');
    req.auth = { token: access_token, clientId: result.client_id, scopes, expiresAt: result.exp };
    next();
  };

  private reject(res: Response, error: string) {
    res.status(401).set('WWW-Authenticate', `Bearer error="${error}"`).end();
  }
}
