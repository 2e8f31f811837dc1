// OAuth callback that only tests that state is present before redeeming the code — security best practices: "Reject any callback requests where the state parameter is missing or does not match"
import express from 'express';
import crypto from 'node:crypto';
import { saveConnection } from './connections.js';

const router = express.Router();

router.get('/connect/notion', (req, res) => {
  const state = crypto.randomBytes(16).toString('hex');
  const url = new URL('https://api.notion.com/v1/oauth/authorize');
  url.searchParams.set('owner', 'user');
  url.searchParams.set('client_id', process.env.NOTION_CLIENT_ID);
  url.searchParams.set('redirect_uri', process.env.NOTION_REDIRECT_URI);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('state', state);
  res.redirect(url.href);
});

router.get('/connect/notion/callback', async (req, res) => {
  const { code, state } = req.query;
  // held-out: oauth-state-missing
  if (!code || !state) {
    return res.status(400).json({ error: 'missing code or state' });
  }
  const basic = Buffer.from(`${process.env.NOTION_CLIENT_ID}:${process.env.NOTION_CLIENT_SECRET}`).toString('base64');
  const response = await fetch('https://api.notion.com/v1/oauth/token', {
    method: 'POST',
    headers: { Authorization: `Basic ${basic}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ grant_type: 'authorization_code', code, redirect_uri: process.env.NOTION_REDIRECT_URI }),
  });
  const token = await response.json();
  await saveConnection(token.workspace_id, token);
  res.send('Notion workspace connected');
});

export default router;
