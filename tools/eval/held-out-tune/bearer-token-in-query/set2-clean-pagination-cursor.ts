// held-out: clean — the token comes only from the Authorization header; the query carries pageToken and limit, which are pagination values, not credentials
// REST side-endpoint of an MCP server listing resources (MCP authorization: Authorization: Bearer on every request).
import express from 'express';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { verifier } from './verifier.js';
import { listDocuments } from './docs-store.js';

const app = express();
app.use('/api', requireBearerAuth({ verifier, requiredScopes: ['docs:read'] }));

app.get('/api/documents', async (req, res) => {
  const pageToken = typeof req.query.pageToken === 'string' ? req.query.pageToken : undefined;
  const nextToken = typeof req.query.next_token === 'string' ? req.query.next_token : pageToken;
  const limit = Math.min(Number(req.query.limit ?? 50), 200);
  const page = await listDocuments(req.auth!.clientId, { cursor: nextToken, limit });
  res.json({ items: page.items, nextPageToken: page.cursor ?? null });
});

app.listen(3000);
