// held-out: clean — openid-client's generators.state() (crypto-random) is stored in the session and passed to client.callback() as the expected value, which rejects a missing or different state; the session copy is cleared after use.
// CommonJS Koa routes of an MCP server that signs its users in at an OIDC provider.
'use strict';

const Router = require('@koa/router');
const { Issuer, generators } = require('openid-client');

const router = new Router();
let oidcClient;

async function client() {
  if (!oidcClient) {
    const issuer = await Issuer.discover('https://sso.example.com');
    oidcClient = new issuer.Client({ client_id: process.env.OIDC_CLIENT_ID, client_secret: process.env.OIDC_CLIENT_SECRET, redirect_uris: ['https://kb-mcp.example.com/auth/cb'], response_types: ['code'] });
  }
  return oidcClient;
}

router.get('/auth/login', async (ctx) => {
  const state = generators.state();
  const nonce = generators.nonce();
  ctx.session.oidc = { state, nonce };
  ctx.redirect((await client()).authorizationUrl({ scope: 'openid email', state, nonce }));
});

router.get('/auth/cb', async (ctx) => {
  const c = await client();
  const expected = ctx.session.oidc || {};
  ctx.session.oidc = null;
  const tokenSet = await c.callback('https://kb-mcp.example.com/auth/cb', c.callbackParams(ctx.req), { state: expected.state, nonce: expected.nonce });
  ctx.session.user = tokenSet.claims().sub;
  ctx.redirect('/mcp/consent');
});

module.exports = router;
