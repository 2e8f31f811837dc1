// held-out: clean — the only JWT verified here is the server's own HS256 consent-page session cookie, not an access token (near-miss)
// Authorization-server side of an MCP server: the login/consent UI keeps a short session in a cookie it signs itself; access tokens are issued by the SDK provider elsewhere
import express from 'express';
import cookieParser from 'cookie-parser';
import { SignJWT, jwtVerify } from 'jose';

const sessionKey = new TextEncoder().encode(process.env.SESSION_SIGNING_SECRET!);
const COOKIE = 'consent_session';

export async function issueSessionCookie(res: express.Response, userId: string) {
  const jwt = await new SignJWT({ uid: userId }).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().setExpirationTime('10m').sign(sessionKey);
  res.cookie(COOKIE, jwt, { httpOnly: true, secure: true, sameSite: 'lax', maxAge: 10 * 60 * 1000 });
}

async function readSession(req: express.Request): Promise<string | null> {
  const cookie = req.cookies?.[COOKIE];
  if (!cookie) return null;
  try {
    const { payload } = await jwtVerify(cookie, sessionKey, { algorithms: ['HS256'] });
    return typeof payload.uid === 'string' ? payload.uid : null;
  } catch {
    return null;
  }
}

export const consentRouter = express.Router();
consentRouter.use(cookieParser());

consentRouter.get('/consent', async (req, res) => {
  const userId = await readSession(req);
  if (!userId) return res.redirect(`/login?next=${encodeURIComponent(req.originalUrl)}`);
  res.render('consent', { userId, clientName: req.query.client_name, scopes: String(req.query.scope ?? '').split(' ') });
});

consentRouter.post('/consent', express.urlencoded({ extended: false }), async (req, res) => {
  const userId = await readSession(req);
  if (!userId) return res.status(401).send('session expired');
  res.redirect(303, `/authorize/continue?approved=${req.body.approve === 'yes'}`);
});
