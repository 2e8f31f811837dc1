// Express routes of the MCP proxy using buildAuthorizeUrl and redeemCode from oauth-client.ts
import express from 'express';
import { buildAuthorizeUrl, redeemCode, type UpstreamConfig } from './oauth-client.js';
import { linkUpstream } from './links.js';

const upstream: UpstreamConfig = {
  authorizeUrl: 'https://www.figma.com/oauth',
  tokenUrl: 'https://api.figma.com/v1/oauth/token',
  clientId: process.env.FIGMA_CLIENT_ID!,
  clientSecret: process.env.FIGMA_CLIENT_SECRET!,
  redirectUri: `${process.env.PUBLIC_URL}/upstream/callback`,
  scopes: ['files:read'],
};

export const routes = express.Router();

routes.get('/upstream/login', (_req, res) => {
  res.redirect(buildAuthorizeUrl(upstream));
});

routes.get('/upstream/callback', async (req, res) => {
  const code = typeof req.query.code === 'string' ? req.query.code : undefined;
  if (!code) return res.status(400).send('missing code');
  const tokens = await redeemCode(upstream, code);
  await linkUpstream(req.ip ?? 'unknown', tokens);
  res.send('Figma account linked');
});
