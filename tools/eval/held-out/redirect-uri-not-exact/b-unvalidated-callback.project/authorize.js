// Authorization step of an MCP proxy's OAuth flow (CommonJS, Express): remembers the client's redirect_uri as given, without comparing it to the client's registration.
'use strict';

const crypto = require('node:crypto');
const pending = require('./pending');

exports.startAuthorization = function startAuthorization(req, res) {
  const txn = crypto.randomBytes(16).toString('hex');
  pending.put(txn, {
    clientId: req.query.client_id,
    redirectUri: req.query.redirect_uri,
    clientState: req.query.state,
    codeChallenge: req.query.code_challenge,
  });
  const upstream = new URL('https://accounts.upstream.example/oauth/authorize');
  upstream.searchParams.set('client_id', process.env.UPSTREAM_CLIENT_ID);
  upstream.searchParams.set('redirect_uri', 'https://proxy-mcp.example.com/oauth/upstream-callback');
  upstream.searchParams.set('state', txn);
  upstream.searchParams.set('response_type', 'code');
  res.redirect(upstream.href);
};
