// Cloudflare Worker MCP endpoint verifying WorkOS AuthKit access tokens with jose's jwtVerify and a remote JWKS, passing no options — MCP 2026-07-28 authorization, token handling ("MUST only accept tokens specifically intended for themselves").
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { handleMcp } from './mcp-handler.js';

let jwks;

export default {
  async fetch(request, env, ctx) {
    const url = new URL(request.url);
    if (url.pathname === '/.well-known/oauth-protected-resource') {
      return Response.json({ resource: `${url.origin}/mcp`, authorization_servers: [env.AUTHKIT_DOMAIN] });
    }

    const token = (request.headers.get('authorization') || '').replace('Bearer ', '');
    jwks ??= createRemoteJWKSet(new URL(`${env.AUTHKIT_DOMAIN}/oauth2/jwks`));
    let claims;
    try {
      // held-out: token-audience-not-validated
      ({ payload: claims } = await jwtVerify(token, jwks));
    } catch {
      return new Response('unauthorized', {
        status: 401,
        headers: { 'WWW-Authenticate': `Bearer resource_metadata="${url.origin}/.well-known/oauth-protected-resource"` },
      });
    }
    return handleMcp(request, env, ctx, { userId: claims.sub });
  },
};
