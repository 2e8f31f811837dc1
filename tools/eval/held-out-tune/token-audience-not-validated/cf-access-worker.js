// Cloudflare Worker MCP server trusting any Cloudflare Access JWT of the team (no aud) — SEC: "MUST validate that tokens presented to them were specifically issued for their use".
import { createRemoteJWKSet, jwtVerify } from 'jose';

export default {
  async fetch(request, env) {
    const assertion = request.headers.get('cf-access-jwt-assertion') ?? request.headers.get('authorization')?.replace(/^Bearer /, '');
    if (!assertion) return new Response('forbidden', { status: 403 });
    const certs = createRemoteJWKSet(new URL(`https://${env.TEAM_DOMAIN}/cdn-cgi/access/certs`));
    try {
      // held-out: token-audience-not-validated
      await jwtVerify(assertion, certs, { issuer: `https://${env.TEAM_DOMAIN}` });
    } catch (err) {
      return new Response(`invalid token: ${err.message}`, { status: 403 });
    }
    return env.MCP_OBJECT.get(env.MCP_OBJECT.idFromName('default')).fetch(request);
  },
};
