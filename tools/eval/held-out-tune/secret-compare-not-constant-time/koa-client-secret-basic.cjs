// Koa token endpoint (CommonJS) decoding HTTP Basic client credentials and comparing the client secret with ===; RFC 6749 §2.3.1, CWE-208.
const Router = require('@koa/router');
const { findClient, issueTokens } = require('./oauth-model');

const router = new Router();

function parseBasic(header) {
  if (!header || !header.startsWith('Basic ')) return null;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const idx = decoded.indexOf(':');
  if (idx < 0) return null;
  return { id: decodeURIComponent(decoded.slice(0, idx)), secret: decodeURIComponent(decoded.slice(idx + 1)) };
}

router.post('/oauth/token', async (ctx) => {
  const creds = parseBasic(ctx.get('authorization'));
  const client = creds && (await findClient(creds.id));
  // held-out: secret-compare-not-constant-time
  const authenticated = Boolean(client) && client.secret === creds.secret;
  if (!authenticated) {
    ctx.status = 401;
    ctx.set('WWW-Authenticate', 'Basic realm="oauth"');
    ctx.body = { error: 'invalid_client' };
    return;
  }
  ctx.set('Cache-Control', 'no-store');
  ctx.body = await issueTokens(client, ctx.request.body);
});

module.exports = router;
