// held-out: clean — a confidential client has one registered redirect URI and the requested one must be strictly equal to it; the https check is a policy about the kind of URI, not a substitute for matching.
// Koa authorization endpoint (CommonJS) of an internal MCP authorization server; MCP security considerations, open redirection; RFC 6749 §3.1.2.3.
const Router = require('@koa/router');
const { getClientById } = require('./clients');

const router = new Router();

router.get('/oauth2/authorize', async (ctx) => {
  const client = await getClientById(ctx.query.client_id);
  if (!client) ctx.throw(400, 'unknown client');
  const redirectUri = ctx.query.redirect_uri || client.redirect_uri;
  if (!redirectUri.startsWith('https://')) ctx.throw(400, 'redirect_uri must use https');
  if (redirectUri !== client.redirect_uri) ctx.throw(400, 'redirect_uri does not match the registered value');
  ctx.session.pendingAuthorization = {
    clientId: client.id,
    redirectUri,
    state: ctx.query.state,
    codeChallenge: ctx.query.code_challenge,
  };
  await ctx.render('consent', { clientName: client.name, scopes: String(ctx.query.scope || '').split(' ') });
});

module.exports = router;
