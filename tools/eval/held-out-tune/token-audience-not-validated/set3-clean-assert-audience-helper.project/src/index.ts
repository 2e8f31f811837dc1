// held-out: clean — entry point; verification (with audience) is done by EntraVerifier
// Express app exposing the SharePoint MCP server behind requireBearerAuth
import express from 'express';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { EntraVerifier } from './verifier.js';

const app = express();
app.use(express.json());
app.use('/mcp', requireBearerAuth({ verifier: new EntraVerifier(), requiredScopes: ['Sites.Read'] }));
app.post('/mcp', (req, res) => res.json({ jsonrpc: '2.0', id: req.body.id, result: { caller: req.auth?.clientId } }));
app.listen(Number(process.env.PORT ?? 8000));
