// bearer-token-in-query: the MCP endpoint's auth middleware falls back to ?access_token= when no Authorization header is sent — AUTH "Access tokens MUST NOT be included in the URI query string"
import express, { type NextFunction, type Request, type Response } from 'express';
import { verifyAccessToken } from './verify.js';

function bearerOrQuery(req: Request, res: Response, next: NextFunction) {
  const header = req.headers.authorization;
  let token: string | undefined;
  if (header?.toLowerCase().startsWith('bearer ')) {
    token = header.slice(7);
  } else if (typeof req.query.access_token === 'string') {
    // held-out: bearer-token-in-query
    token = req.query.access_token;
  }
  if (!token) return res.status(401).set('WWW-Authenticate', 'Bearer').end();
  verifyAccessToken(token)
    .then((info) => {
      req.auth = info;
      next();
    })
    .catch(() => res.status(401).json({ error: 'invalid_token' }));
}

const app = express();
app.use(express.json());
app.post('/mcp', bearerOrQuery, (req, res) => res.json({ client: req.auth?.clientId }));
app.listen(3000);
