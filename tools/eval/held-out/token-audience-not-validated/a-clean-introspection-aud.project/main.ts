// Express wiring of the introspection verifier.
import express from 'express';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { introspectionVerifier } from './introspect.js';

const RESOURCE = 'https://wiki-mcp.example.com/mcp';
const app = express();
app.use(express.json());
app.use('/mcp', requireBearerAuth({ verifier: introspectionVerifier('https://idp.example.com/oauth2/introspect', RESOURCE) }));
app.post('/mcp', (_req, res) => res.json({ ok: true }));
app.listen(9000);
