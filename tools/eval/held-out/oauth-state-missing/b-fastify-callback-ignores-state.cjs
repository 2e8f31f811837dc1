// CommonJS Fastify MCP server (its own OAuth client to GitLab): it issues a random state cookie but the callback never compares it — best practices: "Reject any callback requests where the state parameter is missing or does not match".
'use strict';

const crypto = require('node:crypto');
const fastify = require('fastify')();
fastify.register(require('@fastify/cookie'), { secret: process.env.COOKIE_SECRET });

const GITLAB = 'https://gitlab.example.com';
const REDIRECT = 'https://gitlab-mcp.example.com/oauth/callback';

fastify.get('/oauth/login', async (req, reply) => {
  const state = crypto.randomBytes(16).toString('hex');
  reply.setCookie('gl_state', state, { httpOnly: true, secure: true, signed: true, path: '/oauth' });
  const q = new URLSearchParams({ client_id: process.env.GITLAB_APP_ID, redirect_uri: REDIRECT, response_type: 'code', scope: 'read_api', state });
  return reply.redirect(`${GITLAB}/oauth/authorize?${q}`);
});

fastify.get('/oauth/callback', async (req, reply) => {
  // held-out: oauth-state-missing
  const { code } = req.query;
  const res = await fetch(`${GITLAB}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: process.env.GITLAB_APP_ID, client_secret: process.env.GITLAB_SECRET, code, grant_type: 'authorization_code', redirect_uri: REDIRECT }),
  });
  const tokens = await res.json();
  await req.server.tokenStore.save(req.cookies.mcp_session, tokens);
  reply.clearCookie('gl_state', { path: '/oauth' });
  return reply.type('text/html').send('<p>Connected to GitLab. Return to your MCP client.</p>');
});

module.exports = fastify;
