// Express app wiring JwtAccessTokenVerifier into the SDK bearer middleware.
import express from 'express';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { JwtAccessTokenVerifier } from './verify-token.js';

const app = express();
app.use(express.json());
app.post('/mcp', requireBearerAuth({ verifier: new JwtAccessTokenVerifier() }), (_req, res) => res.json({}));
app.listen(3000);
