// held-out: clean — the access token is taken only from the Authorization header; the query string carries pagination (cursor, page_token), not credentials
// Express resource endpoint of an MCP server (AUTH: tokens in the Authorization header, never the query string).
import express from 'express';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { verifier } from './verifier.js';
import { listDocuments } from './docs.js';

const app = express();

app.get('/api/documents', requireBearerAuth({ verifier }), async (req, res) => {
  const cursor = typeof req.query.cursor === 'string' ? req.query.cursor : undefined;
  const pageToken = typeof req.query.page_token === 'string' ? req.query.page_token : undefined;
  const limit = Math.min(Number(req.query.limit ?? 50), 200);
  const page = await listDocuments({ owner: String(req.auth!.extra?.sub), cursor: cursor ?? pageToken, limit });
  res.json({ items: page.items, next_page_token: page.next });
});

app.listen(3000);
