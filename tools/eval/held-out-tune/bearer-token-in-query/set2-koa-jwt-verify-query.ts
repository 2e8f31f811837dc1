// Koa middleware verifying a JWT taken from ctx.query.token for the MCP endpoint (MCP authorization: "Access tokens MUST NOT be included in the URI query string"; RFC 6750 §5.3 "Don't pass bearer tokens in page URLs").
import Koa from 'koa';
import jwt from 'jsonwebtoken';
import { mcpHandler } from './mcp-handler.js';

const app = new Koa();
const publicKey = process.env.JWT_PUBLIC_KEY!;

app.use(async (ctx, next) => {
  if (!ctx.path.startsWith('/mcp')) return next();
  // held-out: bearer-token-in-query
  const raw = ctx.query.token as string | undefined;
  if (!raw) ctx.throw(401, 'token required');
  try {
    ctx.state.user = jwt.verify(raw, publicKey, { algorithms: ['RS256'], audience: 'mcp' });
  } catch {
    ctx.throw(401, 'invalid token');
  }
  await next();
});

app.use(mcpHandler);
app.listen(4000);
