// held-out: clean — the client's token goes only into the body of an RFC 7662 introspection request to this server's own authorization server; the Authorization header carries the server's client credentials.
// Plain node:http MCP resource server (ESM) that validates tokens by introspection before serving MCP requests.
import http from 'node:http';
import { handleMcp } from './mcp.js';

const INTROSPECT = 'https://auth.example.com/oauth2/introspect';
const RESOURCE = 'https://notes-mcp.example.com/mcp';

async function introspect(accessToken) {
  const credentials = Buffer.from(`${process.env.RS_CLIENT_ID}:${process.env.RS_CLIENT_SECRET}`).toString('base64');
  const res = await fetch(INTROSPECT, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Authorization: `Basic ${credentials}`,
    },
    body: new URLSearchParams({ token: accessToken, token_type_hint: 'access_token' }),
  });
  const info = await res.json();
  const audiences = [].concat(info.aud ?? []);
  return info.active && audiences.includes(RESOURCE) ? info : null;
}

http
  .createServer(async (req, res) => {
    const m = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
    const info = m ? await introspect(m[1]) : null;
    if (!info) {
      res.writeHead(401, { 'WWW-Authenticate': 'Bearer resource_metadata="https://notes-mcp.example.com/.well-known/oauth-protected-resource"' });
      res.end();
      return;
    }
    await handleMcp(req, res, { subject: info.sub, scopes: String(info.scope ?? '').split(' ') });
  })
  .listen(8080);
