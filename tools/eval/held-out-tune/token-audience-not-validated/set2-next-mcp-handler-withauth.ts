// Next.js route using mcp-handler's createMcpHandler + withMcpAuth; the verifyToken callback checks WorkOS tokens' signature and issuer only — MCP 2026-07-28 authorization, token handling (RFC 8707 audience).
import { createMcpHandler, withMcpAuth } from 'mcp-handler';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import { z } from 'zod';

const JWKS = createRemoteJWKSet(new URL(`https://api.workos.com/sso/jwks/${process.env.WORKOS_CLIENT_ID}`));

const handler = createMcpHandler((server) => {
  server.tool('whoami', 'Who is calling', {}, async (_args, extra) => ({
    content: [{ type: 'text', text: String(extra.authInfo?.extra?.email ?? 'unknown') }],
  }));
  server.tool('echo', 'Echo a message', { message: z.string() }, async ({ message }) => ({ content: [{ type: 'text', text: message }] }));
});

const verifyToken = async (_req: Request, bearerToken?: string): Promise<AuthInfo | undefined> => {
  if (!bearerToken) return undefined;
  // held-out: token-audience-not-validated
  const { payload } = await jwtVerify(bearerToken, JWKS, { issuer: 'https://api.workos.com' });
  return { token: bearerToken, clientId: String(payload.client_id ?? payload.sub), scopes: [], extra: { email: payload.email } };
};

const authHandler = withMcpAuth(handler, verifyToken, { required: true, resourceMetadataPath: '/.well-known/oauth-protected-resource' });

export { authHandler as GET, authHandler as POST };
