// Koa MCP server on Microsoft Entra ID: checks tenant (tid) and scope (scp) claims after jsonwebtoken.verify, but never that aud is this API (SEC: "MCP servers MUST validate that tokens presented to them were specifically issued for their use")
import Koa from 'koa';
import Router from '@koa/router';
import bodyParser from 'koa-bodyparser';
import jwt from 'jsonwebtoken';
import jwksRsa from 'jwks-rsa';
import { promisify } from 'node:util';

const TENANT_ID = process.env.AZURE_TENANT_ID;
const jwks = jwksRsa({ jwksUri: `https://login.microsoftonline.com/${TENANT_ID}/discovery/v2.0/keys` });
const verifyJwt = promisify(jwt.verify);

async function signingKey(header, cb) {
  try {
    const key = await jwks.getSigningKey(header.kid);
    cb(null, key.getPublicKey());
  } catch (err) {
    cb(err);
  }
}

async function requireEntraToken(ctx, next) {
  const raw = ctx.get('Authorization').replace(/^Bearer\s+/i, '');
  if (!raw) ctx.throw(401, 'missing token');
  let claims;
  try {
    // held-out: token-audience-not-validated
    claims = await verifyJwt(raw, signingKey, { issuer: `https://login.microsoftonline.com/${TENANT_ID}/v2.0` });
  } catch (err) {
    ctx.throw(401, `invalid token: ${err.message}`);
  }
  if (claims.tid !== TENANT_ID) ctx.throw(403, 'wrong tenant');
  const scopes = String(claims.scp || '').split(' ');
  if (!scopes.includes('Mcp.Invoke')) ctx.throw(403, 'missing scope Mcp.Invoke');
  ctx.state.user = { oid: claims.oid, name: claims.name, scopes };
  await next();
}

const router = new Router();
router.post('/mcp', requireEntraToken, async (ctx) => {
  const { handleMcp } = await import('./mcp-handler.js');
  ctx.respond = false;
  await handleMcp(ctx.req, ctx.res, ctx.request.body, ctx.state.user);
});

const app = new Koa();
app.use(bodyParser());
app.use(router.routes());
app.listen(4000);
