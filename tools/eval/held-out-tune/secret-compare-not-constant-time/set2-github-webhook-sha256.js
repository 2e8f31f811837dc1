// GitHub webhook receiver of an MCP server comparing X-Hub-Signature-256 with the computed HMAC by string equality (GitHub: validate deliveries with a constant-time compare; CWE-208).
const crypto = require('node:crypto');
const express = require('express');
const { enqueueRepoEvent } = require('./events');

const router = express.Router();
const WEBHOOK_SECRET = process.env.GITHUB_WEBHOOK_SECRET;

router.post('/webhooks/github', express.raw({ type: 'application/json' }), (req, res) => {
  const signature = req.headers['x-hub-signature-256'];
  const expected = 'sha256=' + crypto.createHmac('sha256', WEBHOOK_SECRET).update(req.body).digest('hex');
  // held-out: secret-compare-not-constant-time
  if (signature !== expected) {
    return res.status(401).send('bad signature');
  }
  enqueueRepoEvent(req.headers['x-github-event'], JSON.parse(req.body.toString('utf8')));
  res.status(202).end();
});

module.exports = router;
