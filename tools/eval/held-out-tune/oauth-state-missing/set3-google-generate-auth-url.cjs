// Google Workspace MCP server building its consent URL with generateAuthUrl and neither state nor PKCE — security best practices: state MUST be generated and checked; RFC 6749 §10.12 CSRF protection
'use strict';
const express = require('express');
const { google } = require('googleapis');
const tokenStore = require('./token-store.cjs');

const oauth2Client = new google.auth.OAuth2(
  process.env.GOOGLE_CLIENT_ID,
  process.env.GOOGLE_CLIENT_SECRET,
  'http://localhost:3000/oauth2callback',
);

const SCOPES = ['https://www.googleapis.com/auth/calendar.readonly', 'https://www.googleapis.com/auth/gmail.readonly'];
const app = express();

app.get('/auth', (req, res) => {
  // held-out: oauth-state-missing
  const authUrl = oauth2Client.generateAuthUrl({ access_type: 'offline', scope: SCOPES, prompt: 'consent' });
  res.redirect(authUrl);
});

app.get('/oauth2callback', async (req, res) => {
  const code = req.query.code;
  if (!code) {
    res.status(400).send('No code received');
    return;
  }
  const { tokens } = await oauth2Client.getToken(code);
  oauth2Client.setCredentials(tokens);
  await tokenStore.save(tokens);
  res.send('Authentication successful! You can close this window and return to Claude.');
});

app.listen(3000, () => console.error('Open http://localhost:3000/auth to sign in'));
