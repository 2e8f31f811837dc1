// Upstream login of an MCP proxy (Auth0 as the third-party IdP) whose state comes from randomId() in ids.ts, a Math.random generator — MCP 2026-07-28 security best practices (cryptographically secure random state); CWE-330.
import type { Request, Response } from 'express';
import { randomId } from './ids.js';
import { flows } from './flows.js';

export async function startUpstreamLogin(req: Request, res: Response) {
  // held-out: oauth-state-missing
  const state = randomId(24);
  await flows.put(state, { mcpClientId: String(req.query.client_id), startedAt: Date.now() });
  const url = new URL(`https://${process.env.AUTH0_DOMAIN}/authorize`);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', process.env.AUTH0_CLIENT_ID!);
  url.searchParams.set('redirect_uri', 'https://tasks-mcp.example.com/upstream/callback');
  url.searchParams.set('scope', 'openid profile');
  url.searchParams.set('state', state);
  res.redirect(url.href);
}
