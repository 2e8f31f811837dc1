// Upstream callback of an MCP proxy's OAuth flow: issues the proxy's code and redirects to the redirect_uri stored from the request, which was never checked — spec (security considerations, open redirection): "Authorization servers MUST validate exact redirect URIs against pre-registered values."
'use strict';

const crypto = require('node:crypto');
const pending = require('./pending');

exports.upstreamCallback = async function upstreamCallback(req, res) {
  const txn = pending.take(req.query.state);
  if (!txn) return res.status(400).send('unknown or expired transaction');
  const proxyCode = crypto.randomBytes(32).toString('base64url');
  await pending.saveCode(proxyCode, { clientId: txn.clientId, upstreamCode: req.query.code, codeChallenge: txn.codeChallenge });
  const back = new URL(txn.redirectUri);
  back.searchParams.set('code', proxyCode);
  if (txn.clientState) back.searchParams.set('state', txn.clientState);
  // held-out: redirect-uri-not-exact
  res.redirect(back.toString());
};
