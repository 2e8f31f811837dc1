// held-out: clean — both API keys are hashed to fixed-length digests and compared with crypto.timingSafeEqual
// Express MCP server authenticating with an API key header, the constant-time way
import express, { type NextFunction, type Request, type Response } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';

const expectedDigest = createHash('sha256').update(process.env.MCP_API_KEY ?? '').digest();

function sameSecret(presented: string): boolean {
  const presentedDigest = createHash('sha256').update(presented).digest();
  return timingSafeEqual(presentedDigest, expectedDigest);
}

function requireApiKey(req: Request, res: Response, next: NextFunction) {
  const presented = req.headers['x-api-key'];
  if (typeof presented !== 'string' || presented === '') {
    return res.status(401).json({ error: 'missing x-api-key header' });
  }
  if (!sameSecret(presented)) {
    return res.status(403).json({ error: 'invalid api key' });
  }
  next();
}

const app = express();
app.use(express.json());
app.post('/mcp', requireApiKey, (req, res) => {
  res.json({ jsonrpc: '2.0', id: req.body.id, result: { content: [{ type: 'text', text: 'ok' }] } });
});
app.listen(3000, '127.0.0.1');
