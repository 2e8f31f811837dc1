// held-out: clean — the signature is checked by @octokit/webhooks' verify(), which compares in constant time; the === comparisons are on event names and actions.
// ESM node:http receiver of a GitHub-app MCP server that refreshes its repository cache on push events.
import http from 'node:http';
import { Webhooks } from '@octokit/webhooks';
import { refreshRepoCache } from './cache.js';

const webhooks = new Webhooks({ secret: process.env.GITHUB_WEBHOOK_SECRET });

http
  .createServer(async (req, res) => {
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const payload = Buffer.concat(chunks).toString('utf8');
    const signature = req.headers['x-hub-signature-256'];
    if (!(await webhooks.verify(payload, signature))) {
      res.writeHead(401).end();
      return;
    }
    const event = req.headers['x-github-event'];
    const body = JSON.parse(payload);
    if (event === 'push' || (event === 'repository' && body.action === 'renamed')) {
      await refreshRepoCache(body.repository.full_name);
    }
    res.writeHead(204).end();
  })
  .listen(3400, '127.0.0.1');
