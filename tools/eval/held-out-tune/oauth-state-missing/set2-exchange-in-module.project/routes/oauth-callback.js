// Callback route of an MCP server's upstream Notion OAuth: the start route stored a random state in the session, but this callback hands the code to exchangeCode (tokens.js) without comparing it — MCP 2026-07-28 security best practices: "Reject any callback requests where the state parameter is missing or does not match".
import { Router } from 'express';
import { exchangeCode } from '../tokens.js';
import { connections } from '../db.js';

export const callbackRouter = Router();

callbackRouter.get('/notion/callback', async (req, res, next) => {
  try {
    if (req.query.error) return res.status(400).send(`Notion said: ${req.query.error}`);
    // held-out: oauth-state-missing
    const grant = await exchangeCode(req.query.code);
    await connections.upsert({ userId: req.session.userId, workspaceId: grant.workspace_id, accessToken: grant.access_token });
    res.redirect('/settings?connected=notion');
  } catch (err) {
    next(err);
  }
});
