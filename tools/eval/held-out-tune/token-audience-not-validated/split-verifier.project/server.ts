// held-out: clean — wiring only: the verifier that misses the audience is in verify.ts.
// Express MCP server that plugs verify.ts into the SDK's requireBearerAuth (AUTH audience case).
import express from 'express';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { checkBearer } from './verify.js';
import { handleMcp } from './mcp.js';

const app = express();
app.use(express.json());
app.post('/mcp', requireBearerAuth({ verifier: { verifyAccessToken: checkBearer } }), handleMcp);
app.listen(3000, '127.0.0.1');
