// held-out: clean — authentication uses bearerFrom (header only); req.query.q and req.query.limit are search inputs
// Express MCP search server using the header-only helper from token.mjs
import express from 'express';
import { bearerFrom, challengeHeader, hasScope } from './token.mjs';
import { verify } from './jwt.mjs';

const RESOURCE = process.env.RESOURCE ?? 'https://search.example.org';
const app = express();
app.use(express.json());

app.use(async (req, res, next) => {
  const token = bearerFrom(req);
  const claims = token ? await verify(token).catch(() => null) : null;
  if (!claims) {
    res.set('WWW-Authenticate', challengeHeader(RESOURCE)).status(401).end();
    return;
  }
  req.claims = claims;
  next();
});

app.get('/search', (req, res) => {
  if (!hasScope(req.claims, 'search:read')) return res.status(403).end();
  const q = String(req.query.q ?? '');
  const limit = Math.min(Number(req.query.limit ?? 10), 50);
  res.json({ q, limit, results: [] });
});

app.post('/mcp', (req, res) => res.json({ jsonrpc: '2.0', id: req.body.id, result: {} }));
app.listen(5055);
