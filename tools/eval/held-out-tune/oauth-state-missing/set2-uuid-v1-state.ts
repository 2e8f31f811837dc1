// Express MCP server connecting Salesforce with a time-based UUID (v1: timestamp plus node id) as state — MCP 2026-07-28 security best practices ("cryptographically secure random" state); CWE-330.
import express from 'express';
import { v1 as uuidv1 } from 'uuid';

const router = express.Router();
const SF_LOGIN = 'https://login.salesforce.com/services/oauth2/authorize';

router.get('/salesforce/connect', (req, res) => {
  // held-out: oauth-state-missing
  const state = uuidv1();
  req.session!.sfState = state;
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: process.env.SF_CONSUMER_KEY!,
    redirect_uri: 'https://sf-mcp.example.com/salesforce/callback',
    scope: 'api refresh_token',
    state,
  });
  res.redirect(`${SF_LOGIN}?${params}`);
});

export default router;
