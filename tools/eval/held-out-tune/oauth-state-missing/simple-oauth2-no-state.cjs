// Express MCP server (CommonJS) using simple-oauth2's authorizeURL without state or PKCE; RFC 6749 §10.12, MCP BP state parameter.
const { AuthorizationCode } = require('simple-oauth2');
const express = require('express');

const oauth = new AuthorizationCode({
  client: { id: process.env.SF_CLIENT_ID, secret: process.env.SF_CLIENT_SECRET },
  auth: { tokenHost: 'https://login.salesforce.com', authorizePath: '/services/oauth2/authorize', tokenPath: '/services/oauth2/token' },
});

const app = express();

app.get('/salesforce/connect', (req, res) => {
  // held-out: oauth-state-missing
  const authorizationUri = oauth.authorizeURL({
    redirect_uri: process.env.SF_REDIRECT_URI,
    scope: 'api refresh_token',
  });
  res.redirect(authorizationUri);
});

module.exports = app;
