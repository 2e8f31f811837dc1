// held-out: clean — the incoming bearer token is verified and then dropped; BigQuery is reached through a service account (GoogleAuth with a key file)
// CommonJS express MCP server exposing read-only BigQuery queries
'use strict';

const express = require('express');
const { google } = require('googleapis');
const { verifyAccessToken } = require('./verify.cjs');

const auth = new google.auth.GoogleAuth({
  keyFile: process.env.GOOGLE_APPLICATION_CREDENTIALS,
  scopes: ['https://www.googleapis.com/auth/bigquery.readonly'],
});
const bigquery = google.bigquery({ version: 'v2', auth });

const app = express();
app.use(express.json());

app.post('/mcp', async (req, res) => {
  const header = req.headers.authorization || '';
  const token = header.startsWith('Bearer ') ? header.slice(7) : '';
  const principal = token ? await verifyAccessToken(token).catch(() => null) : null;
  if (!principal) return res.status(401).set('WWW-Authenticate', 'Bearer').end();

  const { id, params } = req.body;
  const { data } = await bigquery.jobs.query({
    projectId: process.env.GCP_PROJECT,
    requestBody: { query: params.arguments.sql, useLegacySql: false, maxResults: 100, labels: { caller: principal.sub } },
  });
  res.json({ jsonrpc: '2.0', id, result: { content: [{ type: 'text', text: JSON.stringify(data.rows || []) }] } });
});

module.exports = app;
