// held-out: clean — this JWT is the server's own session cookie (it signs it with its own secret), not an access token from an authorization server.
// Express consent page of an MCP authorization server reading its own signed session cookie — not a resource-server access token check.
import express from 'express';
import cookieParser from 'cookie-parser';
import { jwtVerify, SignJWT } from 'jose';

const sessionKey = new TextEncoder().encode(process.env.SESSION_SECRET);
const app = express();
app.use(cookieParser());

export async function issueSession(userId: string): Promise<string> {
  return new SignJWT({ uid: userId }).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().setExpirationTime('1h').sign(sessionKey);
}

app.get('/consent', async (req, res) => {
  const cookie = req.cookies['mcp_session'];
  if (!cookie) return res.redirect(`/login?next=${encodeURIComponent(req.originalUrl)}`);
  const { payload } = await jwtVerify(cookie, sessionKey, { algorithms: ['HS256'] });
  res.render('consent', { user: payload.uid, client: req.query.client_id });
});

export default app;
