// held-out: clean — the redirect URI is looked up with === among the client's registrations; an absent redirect_uri uses the single registered one
// Koa authorization endpoint of an MCP server (MCP 2026-07-28 security considerations, open redirection; RFC 6749 §3.1.2.3).
import Router from '@koa/router';
import { randomBytes } from 'node:crypto';
import { db } from './db.mjs';

export const oauth = new Router();

oauth.get('/authorize', async (ctx) => {
  const client = await db.clients.get(ctx.query.client_id);
  if (!client) ctx.throw(400, 'invalid_client');
  let redirectUri;
  if (ctx.query.redirect_uri) {
    redirectUri = client.redirectUris.find((uri) => uri === ctx.query.redirect_uri);
  } else if (client.redirectUris.length === 1) {
    redirectUri = client.redirectUris[0];
  }
  if (!redirectUri) ctx.throw(400, 'redirect_uri missing or not registered');
  const code = randomBytes(32).toString('base64url');
  await db.codes.put(code, { clientId: client.id, redirectUri, challenge: ctx.query.code_challenge });
  const target = new URL(redirectUri);
  target.searchParams.set('code', code);
  if (ctx.query.state) target.searchParams.set('state', ctx.query.state);
  ctx.redirect(target.href);
});
