// held-out: clean — client secrets are stored as bcrypt hashes and checked with bcrypt.compare; the other comparisons are client ids and grant types.
// Express token endpoint (CommonJS) of an MCP authorization server; RFC 6749 §2.3.1, CWE-208.
const express = require('express');
const bcrypt = require('bcryptjs');
const { Clients, issueClientCredentialsToken } = require('./model');

const router = express.Router();

router.post('/oauth/token', express.urlencoded({ extended: false }), async (req, res) => {
  if (req.body.grant_type !== 'client_credentials') {
    return res.status(400).json({ error: 'unsupported_grant_type' });
  }
  const client = await Clients.findOne({ where: { clientId: req.body.client_id } });
  const secretOk = client ? await bcrypt.compare(String(req.body.client_secret || ''), client.secretHash) : false;
  if (!secretOk) return res.status(401).json({ error: 'invalid_client' });
  res.set('Cache-Control', 'no-store').json(await issueClientCredentialsToken(client, req.body.scope));
});

module.exports = router;
