// held-out: clean — the authorization `code` and `state` arrive in the callback query as OAuth requires; the tokens are obtained by a POST body and never put in a URL.
// CommonJS Express callback of an MCP server's upstream OAuth client (Strava-like API).
'use strict';

const express = require('express');
const router = express.Router();

router.get('/oauth/callback', async (req, res) => {
  const { code, state } = req.query;
  if (!state || state !== req.session.oauthState) return res.status(400).send('bad state');
  delete req.session.oauthState;

  const tokenRes = await fetch('https://www.fitness.example/api/v3/oauth/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      client_id: process.env.FIT_CLIENT_ID,
      client_secret: process.env.FIT_CLIENT_SECRET,
      code: String(code),
      grant_type: 'authorization_code',
    }),
  });
  const { access_token, refresh_token, expires_at } = await tokenRes.json();
  await req.app.locals.tokens.save(req.session.userId, { access_token, refresh_token, expires_at });

  const athlete = await fetch('https://www.fitness.example/api/v3/athlete', {
    headers: { Authorization: `Bearer ${access_token}` },
  }).then((r) => r.json());
  res.send(`Connected as ${athlete.username}`);
});

module.exports = router;
