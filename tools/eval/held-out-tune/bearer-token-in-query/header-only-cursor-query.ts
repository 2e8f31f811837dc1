// held-out: clean — the token comes only from the Authorization header (requireBearerAuth); the query carries a pagination cursor.
// Express MCP server with header auth and a paginated REST side route — AUTH: tokens in the Authorization header.
import express from 'express';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { verifier } from './verifier.js';
import { listDocuments } from './documents.js';

const app = express();
app.use(requireBearerAuth({ verifier }));

app.get('/documents', async (req, res) => {
  const cursor = typeof req.query.cursor === 'string' ? req.query.cursor : undefined;
  const limit = Math.min(Number(req.query.limit ?? 50), 200);
  res.json(await listDocuments({ owner: req.auth!.clientId, cursor, limit }));
});

app.listen(3000, '127.0.0.1');
