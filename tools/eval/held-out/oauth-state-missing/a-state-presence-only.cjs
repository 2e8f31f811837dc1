// oauth-state-missing: the callback only checks that some state is present and never compares it with the one issued — BP "Reject any callback requests where the state parameter is missing or does not match"
'use strict';
const crypto = require('node:crypto');
const express = require('express');
const axios = require('axios');

const router = express.Router();

router.get('/auth/google', (req, res) => {
  req.session.googleState = crypto.randomBytes(24).toString('hex');
  const params = new URLSearchParams({
    client_id: process.env.GOOGLE_CLIENT_ID,
    redirect_uri: process.env.GOOGLE_REDIRECT_URI,
    response_type: 'code',
    scope: 'https://www.googleapis.com/auth/drive.readonly',
    access_type: 'offline',
    state: req.session.googleState,
  });
  res.redirect('https://accounts.google.com/o/oauth2/v2/auth?' + params.toString());
});

router.get('/auth/google/callback', async (req, res) => {
  // held-out: oauth-state-missing
  if (!req.query.state) return res.status(400).send('missing state');
  const { data } = await axios.post('https://oauth2.googleapis.com/token', {
    code: req.query.code,
    client_id: process.env.GOOGLE_CLIENT_ID,
    client_secret: process.env.GOOGLE_CLIENT_SECRET,
    redirect_uri: process.env.GOOGLE_REDIRECT_URI,
    grant_type: 'authorization_code',
  });
  req.session.google = data;
  res.redirect('/');
});

module.exports = router;
