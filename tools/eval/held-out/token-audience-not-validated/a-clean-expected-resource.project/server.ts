// held-out: clean — requireBearerAuth is given expectedResource, so tokens whose reported resource is another server are refused
// The SDK middleware compares AuthInfo.resource (from verifier.ts) with this server's URI (AUTH: token audience validation; SDK 1.32 bearerAuth).
import express from 'express';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { opaqueVerifier } from './verifier.js';

const app = express();
app.use(express.json());
app.use(
  '/mcp',
  requireBearerAuth({
    verifier: opaqueVerifier,
    expectedResource: new URL('https://calendar-mcp.example.com/mcp'),
    resourceMetadataUrl: 'https://calendar-mcp.example.com/.well-known/oauth-protected-resource/mcp',
  }),
);
app.post('/mcp', (_req, res) => res.status(202).end());
app.listen(3000);
