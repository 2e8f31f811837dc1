// held-out: clean — the access token is read only from the Authorization header; the `pageToken` query parameter is a pagination cursor, not a credential.
// ESM Fastify MCP resource server exposing a paged listing endpoint next to /mcp.
import Fastify from 'fastify';
import { verifyAccessToken } from './verify.js';
import { listRecords } from './records.js';

const app = Fastify();

app.addHook('onRequest', async (request, reply) => {
  const [scheme, value] = (request.headers.authorization ?? '').split(' ');
  const info = scheme === 'Bearer' && value ? await verifyAccessToken(value) : null;
  if (!info) {
    reply.code(401).header('WWW-Authenticate', 'Bearer resource_metadata="https://records-mcp.example.com/.well-known/oauth-protected-resource"').send();
    return reply;
  }
  request.authInfo = info;
});

app.get('/records', async (request) => {
  const url = new URL(request.url, 'https://records-mcp.example.com');
  const pageToken = url.searchParams.get('pageToken') ?? undefined;
  const pageSize = Math.min(Number(url.searchParams.get('pageSize') ?? 50), 200);
  const { items, nextPageToken } = await listRecords(request.authInfo.extra.tenant, { pageToken, pageSize });
  return { items, nextPageToken };
});

export default app;
