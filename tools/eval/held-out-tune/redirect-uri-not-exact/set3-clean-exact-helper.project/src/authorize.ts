// held-out: clean — the route redirects only to the URI returned by findRegisteredRedirect (exact match)
// Koa /authorize route of the MCP authorization server using the shared redirect helper
import Router from '@koa/router';
import { randomBytes } from 'node:crypto';
import { findRegisteredRedirect } from './redirects.js';
import { clients, codes } from './db.js';

export const router = new Router();

router.get('/authorize', async (ctx) => {
  const clientId = String(ctx.query.client_id ?? '');
  const requested = String(ctx.query.redirect_uri ?? '');
  const client = await clients.byId(clientId);
  const redirectUri = client ? findRegisteredRedirect(requested, client.redirect_uris) : undefined;
  if (!redirectUri) {
    ctx.status = 400;
    ctx.body = { error: 'invalid_request', error_description: 'redirect_uri is not registered' };
    return;
  }
  const code = randomBytes(32).toString('base64url');
  await codes.put(code, { clientId, redirectUri: requested, challenge: String(ctx.query.code_challenge ?? '') });
  const target = new URL(requested);
  target.searchParams.set('code', code);
  if (typeof ctx.query.state === 'string') target.searchParams.set('state', ctx.query.state);
  ctx.redirect(target.toString());
});
