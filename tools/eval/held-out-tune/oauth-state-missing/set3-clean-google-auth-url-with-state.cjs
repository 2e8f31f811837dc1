// held-out: clean — generateAuthUrl is given a random state and an S256 code challenge; the callback compares the state from the session and clears it before getToken
// Google Calendar MCP server's sign-in with google-auth-library
'use strict';
const express = require('express');
const session = require('express-session');
const crypto = require('crypto');
const { OAuth2Client, CodeChallengeMethod } = require('google-auth-library');

const oauth2 = new OAuth2Client(process.env.GOOGLE_CLIENT_ID, process.env.GOOGLE_CLIENT_SECRET, 'http://localhost:3000/oauth2callback');
const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: true }));

app.get('/auth', async (req, res) => {
  const state = crypto.randomBytes(32).toString('hex');
  const { codeVerifier, codeChallenge } = await oauth2.generateCodeVerifierAsync();
  req.session.google = { state, codeVerifier };
  res.redirect(oauth2.generateAuthUrl({
    access_type: 'offline',
    scope: ['https://www.googleapis.com/auth/calendar.events'],
    state,
    code_challenge_method: CodeChallengeMethod.S256,
    code_challenge: codeChallenge,
  }));
});

app.get('/oauth2callback', async (req, res) => {
  const pending = req.session.google;
  req.session.google = undefined;
  if (!pending || req.query.state !== pending.state) {
    return res.status(400).send('State mismatch');
  }
  const { tokens } = await oauth2.getToken({ code: req.query.code, codeVerifier: pending.codeVerifier });
  req.session.tokens = tokens;
  res.send('Signed in');
});

app.listen(3000);
