// Express routes of the Box MCP proxy using oauth.ts for the upstream flow.
import express from 'express';
import { buildAuthorizeUrl, redeemCode } from './oauth.js';
import { boxGrants } from './grants.js';

const app = express();
const CALLBACK = 'https://box-mcp.example.com/box/callback';

app.get('/box/connect', (_req, res) => res.redirect(buildAuthorizeUrl(CALLBACK)));

app.get('/box/callback', async (req, res) => {
  const grant = await redeemCode(String(req.query.code), CALLBACK);
  await boxGrants.put(req.session!.userId, grant);
  res.send('Box connected');
});

export default app;
