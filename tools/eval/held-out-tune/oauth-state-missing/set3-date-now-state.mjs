// OAuth authorization request whose state is the current timestamp — security best practices: "generate a cryptographically secure random state"; a timestamp is guessable
import express from 'express';
import cookieParser from 'cookie-parser';

const app = express();
app.use(cookieParser());

const AUTHORIZE_URL = 'https://slack.com/oauth/v2/authorize';
const TOKEN_URL = 'https://slack.com/api/oauth.v2.access';

app.get('/auth/slack', (req, res) => {
  const params = new URLSearchParams({
    client_id: process.env.SLACK_CLIENT_ID,
    scope: 'channels:read,chat:write',
    redirect_uri: `${process.env.BASE_URL}/auth/slack/callback`,
    // held-out: oauth-state-missing
    state: Date.now().toString(),
  });
  res.cookie('slack_state', params.get('state'), { httpOnly: true, sameSite: 'lax', maxAge: 10 * 60 * 1000 });
  res.redirect(`${AUTHORIZE_URL}?${params}`);
});

app.get('/auth/slack/callback', async (req, res) => {
  const { code, state } = req.query;
  if (!state || state !== req.cookies.slack_state) {
    return res.status(400).send('Invalid state');
  }
  res.clearCookie('slack_state');
  const body = new URLSearchParams({
    code,
    client_id: process.env.SLACK_CLIENT_ID,
    client_secret: process.env.SLACK_CLIENT_SECRET,
    redirect_uri: `${process.env.BASE_URL}/auth/slack/callback`,
  });
  const result = await fetch(TOKEN_URL, { method: 'POST', body }).then((r) => r.json());
  if (!result.ok) return res.status(502).send(result.error);
  res.send('Slack workspace connected to the MCP server');
});

app.listen(3010);
