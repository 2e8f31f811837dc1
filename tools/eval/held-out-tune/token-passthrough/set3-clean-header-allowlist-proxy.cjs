// held-out: clean — the proxy copies an allow-list of headers (no Authorization) and authenticates upstream with its own service credential
// CommonJS express MCP-to-REST bridge: incoming auth is checked by middleware, outbound requests carry the server's key
'use strict';

const express = require('express');
const { requireBearerAuth } = require('@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js');
const { verifier } = require('./verifier.cjs');

const FORWARDED = ['accept', 'accept-language', 'content-type', 'x-request-id', 'traceparent'];
const UPSTREAM = process.env.UPSTREAM_URL || 'https://catalog.internal.example.com';

function outboundHeaders(incoming) {
  const headers = {};
  for (const name of FORWARDED) {
    if (incoming[name]) headers[name] = incoming[name];
  }
  headers['x-api-key'] = process.env.CATALOG_SERVICE_KEY;
  return headers;
}

const app = express();
app.use(express.json());
app.post('/mcp', requireBearerAuth({ verifier }), async (req, res) => {
  const { id, params } = req.body;
  const upstream = await fetch(`${UPSTREAM}/products?q=${encodeURIComponent(params?.arguments?.q || '')}`, {
    headers: outboundHeaders(req.headers),
  });
  res.json({ jsonrpc: '2.0', id, result: { content: [{ type: 'text', text: await upstream.text() }] } });
});

module.exports = app;
