// held-out: clean — openid-client v6 with randomState/randomPKCECodeVerifier kept server-side and passed as expectedState/pkceCodeVerifier to authorizationCodeGrant, which checks them.
// Fastify MCP server signing users in via OIDC; MCP BP state parameter, RFC 7636.
import * as oidc from 'openid-client';
import type { FastifyInstance } from 'fastify';

const config = await oidc.discovery(new URL(process.env.OIDC_ISSUER!), process.env.OIDC_CLIENT_ID!, process.env.OIDC_CLIENT_SECRET!);
const pending = new Map<string, { verifier: string; expires: number }>();

export async function oidcRoutes(app: FastifyInstance) {
  app.get('/login', async (_req, reply) => {
    const state = oidc.randomState();
    const verifier = oidc.randomPKCECodeVerifier();
    pending.set(state, { verifier, expires: Date.now() + 600_000 });
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: `${process.env.BASE_URL}/callback`,
      scope: 'openid profile',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
    });
    return reply.redirect(url.href);
  });

  app.get<{ Querystring: { state?: string } }>('/callback', async (req, reply) => {
    const state = req.query.state ?? '';
    const entry = pending.get(state);
    pending.delete(state);
    if (!entry || entry.expires < Date.now()) return reply.code(400).send('unknown state');
    const tokens = await oidc.authorizationCodeGrant(config, new URL(req.url, process.env.BASE_URL), {
      pkceCodeVerifier: entry.verifier,
      expectedState: state,
    });
    req.session.set('sub', tokens.claims()?.sub);
    return reply.redirect('/');
  });
}
