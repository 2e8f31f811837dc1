// Google Drive MCP server (express, googleapis) generating the consent URL without state and redeeming the callback's code with getToken — MCP 2026-07-28 security best practices, state parameter (RFC 9700 §4.7).
const express = require('express');
const { google } = require('googleapis');
const { storeDriveTokens } = require('./token-store');

const oauth2Client = new google.auth.OAuth2(
  process.env.GOOGLE_CLIENT_ID,
  process.env.GOOGLE_CLIENT_SECRET,
  'https://drive-mcp.example.com/oauth2callback',
);

const app = express();

app.get('/connect/google', (req, res) => {
  // held-out: oauth-state-missing
  const url = oauth2Client.generateAuthUrl({
    access_type: 'offline',
    prompt: 'consent',
    scope: ['https://www.googleapis.com/auth/drive.readonly'],
  });
  res.redirect(url);
});

app.get('/oauth2callback', async (req, res) => {
  const { tokens } = await oauth2Client.getToken(req.query.code);
  await storeDriveTokens(req.session.userId, tokens);
  res.send('Google Drive is connected to your MCP client.');
});

app.listen(3000);
