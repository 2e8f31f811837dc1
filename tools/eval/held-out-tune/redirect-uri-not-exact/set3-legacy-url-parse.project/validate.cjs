// Legacy redirect validation module (url.parse) comparing only protocol and host of the requested redirect_uri — security considerations: "Authorization servers MUST validate exact redirect URIs against pre-registered values"
'use strict';
const url = require('url');

function validateRedirectUri(requested, registeredList) {
  if (!requested) return registeredList[0] || null;
  const wanted = url.parse(requested);
  const match = registeredList.find((registered) => {
    const candidate = url.parse(registered);
    // held-out: redirect-uri-not-exact
    return candidate.protocol === wanted.protocol && candidate.host === wanted.host;
  });
  return match ? requested : null;
}

function appendParams(target, params) {
  const parsed = new URL(target);
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined) parsed.searchParams.set(key, value);
  }
  return parsed.toString();
}

module.exports = { validateRedirectUri, appendParams };
