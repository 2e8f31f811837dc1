// oauth-state-missing: a Hono handler uses a timestamp as the OAuth state — BP "generate a cryptographically secure random state value"
import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';

const app = new Hono();

app.get('/connect/notion', (c) => {
  // held-out: oauth-state-missing
  const state = `${Date.now()}`;
  setCookie(c, 'notion_state', state, { httpOnly: true, secure: true, sameSite: 'Lax', maxAge: 600 });
  const q = new URLSearchParams({
    client_id: c.env.NOTION_CLIENT_ID,
    response_type: 'code',
    owner: 'user',
    redirect_uri: `${c.env.PUBLIC_URL}/connect/notion/callback`,
    state,
  });
  return c.redirect(`https://api.notion.com/v1/oauth/authorize?${q}`);
});

export default app;
