// Koa MCP connector (CommonJS) deriving state from the user id and Date.now(); MCP BP: state must be cryptographically random, RFC 6749 §10.10/§10.12.
const Router = require('@koa/router');
const { saveTokens } = require('./token-store');

const router = new Router({ prefix: '/connect/slack' });

router.get('/', async (ctx) => {
  const userId = ctx.state.user.id;
  // held-out: oauth-state-missing
  const state = `${userId}.${Date.now()}`;
  ctx.session.slackState = state;
  const params = new URLSearchParams({
    client_id: process.env.SLACK_CLIENT_ID,
    user_scope: 'channels:history,chat:write',
    redirect_uri: process.env.SLACK_REDIRECT_URI,
    state,
  });
  ctx.redirect('https://slack.com/oauth/v2/authorize?' + params);
});

router.get('/callback', async (ctx) => {
  const { code, state } = ctx.query;
  if (!state || state !== ctx.session.slackState) {
    ctx.throw(400, 'state mismatch');
  }
  ctx.session.slackState = null;
  const res = await fetch('https://slack.com/api/oauth.v2.access', {
    method: 'POST',
    body: new URLSearchParams({
      code,
      client_id: process.env.SLACK_CLIENT_ID,
      client_secret: process.env.SLACK_CLIENT_SECRET,
      redirect_uri: process.env.SLACK_REDIRECT_URI,
    }),
  });
  await saveTokens(ctx.state.user.id, await res.json());
  ctx.body = 'Slack connected. You can close this tab.';
});

module.exports = router;
