// held-out: clean — a random state goes into a signed cookie and is compared with timingSafeEqual before the code is exchanged; the cookie is cleared either way
// CommonJS MCP server connecting a user's Zoom account
'use strict';
const express = require('express');
const cookieParser = require('cookie-parser');
const crypto = require('crypto');
const { saveZoomTokens } = require('./zoom-store.cjs');

const app = express();
app.use(cookieParser(process.env.COOKIE_SECRET));

function sameState(a, b) {
  const left = Buffer.from(String(a));
  const right = Buffer.from(String(b));
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}

app.get('/zoom/install', (req, res) => {
  const state = crypto.randomBytes(24).toString('hex');
  res.cookie('zoom_state', state, { signed: true, httpOnly: true, sameSite: 'lax', maxAge: 600000 });
  const query = new URLSearchParams({ response_type: 'code', client_id: process.env.ZOOM_CLIENT_ID, redirect_uri: process.env.ZOOM_REDIRECT_URI, state });
  res.redirect(`https://zoom.us/oauth/authorize?${query}`);
});

app.get('/zoom/callback', async (req, res) => {
  const expected = req.signedCookies.zoom_state;
  res.clearCookie('zoom_state');
  if (!expected || !req.query.state || !sameState(req.query.state, expected)) {
    return res.status(400).send('state mismatch');
  }
  const basic = Buffer.from(`${process.env.ZOOM_CLIENT_ID}:${process.env.ZOOM_CLIENT_SECRET}`).toString('base64');
  const tokenRes = await fetch('https://zoom.us/oauth/token', {
    method: 'POST',
    headers: { Authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code: req.query.code, redirect_uri: process.env.ZOOM_REDIRECT_URI }),
  });
  await saveZoomTokens(await tokenRes.json());
  res.send('Zoom connected');
});

module.exports = app;
