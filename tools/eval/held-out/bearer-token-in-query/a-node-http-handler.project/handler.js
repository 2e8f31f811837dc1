// bearer-token-in-query: a plain node:http MCP handler reads the access token from the request URL's query string — AUTH "Access tokens MUST NOT be included in the URI query string"
import { verifyJwt } from './verify.js';

export async function handle(req, res, onMessage) {
  const url = new URL(req.url, `http://${req.headers.host}`);
  // held-out: bearer-token-in-query
  const accessToken = url.searchParams.get('access_token');
  const claims = accessToken ? await verifyJwt(accessToken).catch(() => null) : null;
  if (!claims) {
    res.writeHead(401, { 'WWW-Authenticate': 'Bearer', 'Content-Type': 'application/json' });
    return res.end(JSON.stringify({ error: 'invalid_token' }));
  }
  let body = '';
  for await (const chunk of req) body += chunk;
  const reply = await onMessage(JSON.parse(body), claims);
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(reply));
}
