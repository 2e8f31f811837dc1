// Start route of the Notion MCP server's upstream OAuth: a random state is kept in the session and sent to Notion's authorize URL.
import { Router } from 'express';
import { randomBytes } from 'node:crypto';

export const startRouter = Router();

startRouter.get('/notion/connect', (req, res) => {
  const state = randomBytes(32).toString('base64url');
  req.session.notionState = state;
  const url = new URL('https://api.notion.com/v1/oauth/authorize');
  url.searchParams.set('client_id', process.env.NOTION_CLIENT_ID);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('owner', 'user');
  url.searchParams.set('redirect_uri', 'https://notion-mcp.example.com/notion/callback');
  url.searchParams.set('state', state);
  res.redirect(url.href);
});
