// Express MCP server that renames accessToken from req.query and uses it when the header is absent — MCP authorization: "Access tokens MUST NOT be included in the URI query string"
import express from 'express';
import { requireScopes } from './scopes.js';
import { tokenStore } from './store.js';

const router = express.Router();

router.use(async (req, res, next) => {
  // held-out: bearer-token-in-query
  const { accessToken: tokenFromQuery } = req.query as { accessToken?: string };
  const authorization = req.header('authorization') ?? '';
  const presented = authorization.startsWith('Bearer ') ? authorization.substring(7) : tokenFromQuery;
  if (!presented) {
    return res.status(401).json({ error: 'unauthorized' });
  }
  const record = await tokenStore.lookup(presented);
  if (!record || record.expiresAt < Date.now()) {
    return res.status(401).json({ error: 'invalid_token' });
  }
  res.locals.grant = record;
  next();
});

router.post('/mcp', requireScopes('mcp:tools'), async (req, res) => {
  const { id, method, params } = req.body;
  res.json({ jsonrpc: '2.0', id, result: { method, params, client: res.locals.grant.clientId } });
});

export default router;
