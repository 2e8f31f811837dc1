// Koa authorization endpoint (ESM JavaScript) accepting a redirect_uri that merely contains the app's domain; MCP security considerations, open redirection: exact match against pre-registered values.
import Router from '@koa/router';
import { createCode } from './codes.js';

const APP_DOMAIN = process.env.APP_DOMAIN || 'tasks.example.com';
export const router = new Router();

router.get('/oauth/authorize', async (ctx) => {
  const { client_id, redirect_uri, state, code_challenge, code_challenge_method } = ctx.query;
  // held-out: redirect-uri-not-exact
  if (typeof redirect_uri !== 'string' || !redirect_uri.includes(APP_DOMAIN)) {
    ctx.status = 400;
    ctx.body = { error: 'invalid_request', error_description: 'bad redirect_uri' };
    return;
  }
  if (code_challenge_method !== 'S256') ctx.throw(400, 'S256 required');
  const code = await createCode({ clientId: client_id, redirectUri: redirect_uri, codeChallenge: code_challenge, user: ctx.state.user });
  const sep = redirect_uri.includes('?') ? '&' : '?';
  ctx.redirect(`${redirect_uri}${sep}code=${encodeURIComponent(code)}${state ? `&state=${encodeURIComponent(state)}` : ''}`);
});
