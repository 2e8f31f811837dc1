// ESM MCP server (node:http) that verifies HS256 access tokens with a promisified jsonwebtoken.verify and no options at all — spec (authorization): "MCP servers MUST validate that access tokens were issued specifically for them as the intended audience."
import http from 'node:http';
import { promisify } from 'node:util';
import jwt from 'jsonwebtoken';
import { dispatch } from './rpc.js';

const verifyAsync = promisify(jwt.verify);
const SIGNING_SECRET = process.env.JWT_SIGNING_SECRET;

async function principalFrom(req) {
  const auth = req.headers.authorization;
  if (!auth?.toLowerCase().startsWith('bearer ')) return null;
  const bearerValue = auth.slice('bearer '.length).trim();
  try {
    // held-out: token-audience-not-validated
    return await verifyAsync(bearerValue, SIGNING_SECRET);
  } catch {
    return null;
  }
}

http
  .createServer(async (req, res) => {
    const principal = await principalFrom(req);
    if (!principal) {
      res.statusCode = 401;
      res.setHeader('WWW-Authenticate', 'Bearer resource_metadata="https://sql-mcp.example.com/.well-known/oauth-protected-resource"');
      res.end();
      return;
    }
    await dispatch(req, res, principal);
  })
  .listen(Number(process.env.PORT ?? 7000), '127.0.0.1');
