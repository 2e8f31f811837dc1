// Authorization endpoint accepting a redirect_uri whose hostname is in an allow-list, whatever its path, scheme or port — security considerations: "Authorization servers MUST validate exact redirect URIs against pre-registered values"
import express, { type Request, type Response } from 'express';
import { createAuthorizationCode } from './codes.js';

const ALLOWED_REDIRECT_HOSTS = ['claude.ai', 'chatgpt.com', 'localhost', 'vscode.dev'];

export async function authorize(req: Request, res: Response) {
  const params = req.query as Record<string, string | undefined>;
  const redirectUri = params.redirect_uri;
  if (!redirectUri) {
    res.status(400).json({ error: 'invalid_request', error_description: 'redirect_uri missing' });
    return;
  }
  let parsed: URL;
  try {
    parsed = new URL(redirectUri);
  } catch {
    res.status(400).json({ error: 'invalid_request', error_description: 'redirect_uri malformed' });
    return;
  }
  // held-out: redirect-uri-not-exact
  if (!ALLOWED_REDIRECT_HOSTS.includes(parsed.hostname)) {
    res.status(400).json({ error: 'invalid_request', error_description: 'redirect_uri host not allowed' });
    return;
  }
  const code = await createAuthorizationCode({
    clientId: params.client_id ?? '',
    redirectUri,
    codeChallenge: params.code_challenge ?? '',
  });
  parsed.searchParams.set('code', code);
  if (params.state) parsed.searchParams.set('state', params.state);
  res.redirect(parsed.toString());
}

const app = express();
app.get('/authorize', authorize);
app.listen(4444);
