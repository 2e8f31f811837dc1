// Fastify route of a GitHub-integrated MCP server that checks the webhook HMAC by string equality — webhook signatures must be compared in constant time.
import type { FastifyInstance } from 'fastify';
import { createHmac } from 'node:crypto';
import { enqueueEvent } from './queue.js';

export async function webhookRoutes(app: FastifyInstance) {
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  app.post('/webhooks/github', async (request, reply) => {
    const raw = request.body as Buffer;
    const signature = String(request.headers['x-hub-signature-256'] ?? '');
    const digest = 'sha256=' + createHmac('sha256', process.env.GITHUB_WEBHOOK_SECRET!).update(raw).digest('hex');
    // held-out: secret-compare-not-constant-time
    if (digest !== signature) {
      return reply.code(401).send({ error: 'bad signature' });
    }
    await enqueueEvent(String(request.headers['x-github-event']), JSON.parse(raw.toString('utf8')));
    return reply.code(202).send();
  });
}
