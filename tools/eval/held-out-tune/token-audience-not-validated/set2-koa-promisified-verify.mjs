// Koa MCP server verifying tokens with a promisified jsonwebtoken.verify and only an algorithms list — MCP 2026-07-28 authorization, token handling ("MUST reject tokens that do not include them in the audience claim").
import Koa from 'koa';
import { promisify } from 'node:util';
import jwt from 'jsonwebtoken';
import { readFile } from 'node:fs/promises';
import { mcpMiddleware } from './mcp.mjs';

const verifyJwt = promisify(jwt.verify);
const signingKey = await readFile(new URL('./idp-public.pem', import.meta.url), 'utf8');

const app = new Koa();

app.use(async (ctx, next) => {
  if (!ctx.path.startsWith('/mcp')) return next();
  const [scheme, credentials] = (ctx.get('Authorization') || '').split(' ');
  if (scheme !== 'Bearer' || !credentials) {
    ctx.status = 401;
    ctx.set('WWW-Authenticate', 'Bearer');
    return;
  }
  try {
    // held-out: token-audience-not-validated
    ctx.state.claims = await verifyJwt(credentials, signingKey, { algorithms: ['ES256'] });
  } catch {
    ctx.status = 401;
    ctx.set('WWW-Authenticate', 'Bearer error="invalid_token"');
    return;
  }
  await next();
});

app.use(mcpMiddleware());
app.listen(8123);
