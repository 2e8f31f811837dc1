// held-out: clean — state from crypto.randomBytes in a signed HttpOnly cookie (cookie-parser), compared on the callback with timingSafeEqual and cleared
// Express MCP server connecting Strava (MCP 2026-07-28 security best practices, state parameter).
import express from 'express';
import cookieParser from 'cookie-parser';
import crypto from 'node:crypto';

const app = express();
app.use(cookieParser(process.env.COOKIE_SECRET));

app.get('/strava/connect', (req, res) => {
  const state = crypto.randomBytes(32).toString('hex');
  res.cookie('strava_state', state, { signed: true, httpOnly: true, secure: true, sameSite: 'lax', maxAge: 600_000 });
  const qs = new URLSearchParams({
    client_id: process.env.STRAVA_CLIENT_ID,
    redirect_uri: 'https://fitness-mcp.example.com/strava/callback',
    response_type: 'code',
    scope: 'activity:read',
    state,
  });
  res.redirect(`https://www.strava.com/oauth/authorize?${qs}`);
});

app.get('/strava/callback', async (req, res) => {
  const expected = req.signedCookies.strava_state;
  res.clearCookie('strava_state');
  const got = typeof req.query.state === 'string' ? req.query.state : '';
  const ok = typeof expected === 'string' && expected.length === got.length && crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(got));
  if (!ok) return res.status(403).send('state mismatch');
  const tokenRes = await fetch('https://www.strava.com/oauth/token', {
    method: 'POST',
    body: new URLSearchParams({ client_id: process.env.STRAVA_CLIENT_ID, client_secret: process.env.STRAVA_CLIENT_SECRET, code: String(req.query.code), grant_type: 'authorization_code' }),
  });
  req.session.strava = await tokenRes.json();
  res.send('Strava connected');
});

app.listen(3000);
