// held-out: clean — the proxy copies the incoming headers but deletes Authorization and sets the server's own upstream credential
// node:http reverse proxy exposing an internal metrics API to MCP tool calls (MCP 2026-07-28 security considerations, token passthrough: a separate upstream credential).
import http from 'node:http';

const UPSTREAM = new URL(process.env.METRICS_URL ?? 'http://metrics.internal:9090');
const METRICS_TOKEN = process.env.METRICS_TOKEN;

http
  .createServer(async (req, res) => {
    if (!req.headers.authorization) {
      res.writeHead(401, { 'WWW-Authenticate': 'Bearer' }).end();
      return;
    }
    const outgoing = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string') outgoing.set(name, value);
    }
    outgoing.delete('authorization');
    outgoing.delete('cookie');
    outgoing.delete('host');
    outgoing.set('authorization', `Bearer ${METRICS_TOKEN}`);

    const upstream = await fetch(new URL(req.url ?? '/', UPSTREAM), { method: 'GET', headers: outgoing });
    res.writeHead(upstream.status, { 'Content-Type': upstream.headers.get('content-type') ?? 'application/json' });
    res.end(await upstream.text());
  })
  .listen(8700, '127.0.0.1');
