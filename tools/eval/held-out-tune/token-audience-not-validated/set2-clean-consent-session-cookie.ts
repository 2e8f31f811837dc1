// held-out: clean — the verified JWT is this authorization server's own consent-page session cookie, not an access token presented to the MCP server
// Consent screen of an MCP server that is its own authorization server (MCP 2026-07-28 security considerations, confused deputy: per-client consent).
import express from 'express';
import cookieParser from 'cookie-parser';
import { SignJWT, jwtVerify } from 'jose';

const SESSION_KEY = new TextEncoder().encode(process.env.SESSION_SECRET!);
const app = express();
app.use(cookieParser());
app.use(express.urlencoded({ extended: false }));

app.get('/consent', async (req, res) => {
  const sessionJwt = req.cookies['__Host-consent'];
  if (!sessionJwt) return res.redirect('/login?next=' + encodeURIComponent(req.originalUrl));
  const { payload: session } = await jwtVerify(sessionJwt, SESSION_KEY, { algorithms: ['HS256'] });
  res.render('consent', { user: session.sub, clientId: req.query.client_id, scope: req.query.scope });
});

app.post('/login', async (req, res) => {
  const userId = await checkPassword(req.body.username, req.body.password);
  const cookie = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(userId).setExpirationTime('15m').sign(SESSION_KEY);
  res.cookie('__Host-consent', cookie, { httpOnly: true, secure: true, sameSite: 'lax', path: '/' });
  res.redirect(String(req.query.next ?? '/'));
});

declare function checkPassword(username: string, password: string): Promise<string>;
export default app;
