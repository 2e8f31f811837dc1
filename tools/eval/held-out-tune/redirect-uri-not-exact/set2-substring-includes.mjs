// Koa authorization endpoint that accepts a redirect_uri containing the registered URI anywhere in it — MCP 2026-07-28 security considerations: "MUST validate exact redirect URIs against pre-registered values".
import Router from '@koa/router';
import { randomUUID } from 'node:crypto';
import { lookupClient, storeCode } from './clients.mjs';

export const router = new Router();

router.get('/authorize', async (ctx) => {
  const { client_id: clientId, redirect_uri: redirectUri, state, code_challenge: challenge } = ctx.query;
  const client = await lookupClient(clientId);
  if (!client) ctx.throw(400, 'invalid_client');
  // held-out: redirect-uri-not-exact
  if (typeof redirectUri !== 'string' || !redirectUri.includes(client.redirectUri)) {
    ctx.throw(400, 'invalid redirect_uri');
  }
  const code = randomUUID();
  await storeCode(code, { clientId, redirectUri, challenge });
  ctx.redirect(`${redirectUri}${redirectUri.includes('?') ? '&' : '?'}code=${code}&state=${encodeURIComponent(state ?? '')}`);
});
