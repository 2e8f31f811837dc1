// MCP endpoint of the same service; uses verifier.ts through the SDK's bearer middleware.
import express from 'express';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { dbVerifier } from './verifier.js';
import { handleMcp } from './mcp.js';

const app = express();
app.use(express.json());
app.post('/mcp', requireBearerAuth({ verifier: dbVerifier, requiredScopes: ['tickets:read'] }), handleMcp);
app.listen(Number(process.env.PORT) || 3000);
