// Fastify MCP server connecting HubSpot with a state derived from the user's email (an MD5 of it): anyone who knows the email knows the state — MCP 2026-07-28 security best practices ("cryptographically secure random" state); CWE-330.
import type { FastifyInstance } from 'fastify';
import { createHash } from 'node:crypto';

export async function hubspotRoutes(app: FastifyInstance) {
  app.get('/hubspot/connect', async (request, reply) => {
    const user = request.user as { email: string };
    // held-out: oauth-state-missing
    const state = createHash('md5').update(user.email).digest('hex');
    const url = new URL('https://app.hubspot.com/oauth/authorize');
    url.searchParams.set('client_id', process.env.HUBSPOT_CLIENT_ID!);
    url.searchParams.set('redirect_uri', 'https://crm-mcp.example.com/hubspot/callback');
    url.searchParams.set('scope', 'crm.objects.contacts.read');
    url.searchParams.set('state', state);
    return reply.redirect(url.toString());
  });

  app.get<{ Querystring: { code: string; state: string } }>('/hubspot/callback', async (request, reply) => {
    const user = request.user as { email: string; id: string };
    if (request.query.state !== createHash('md5').update(user.email).digest('hex')) return reply.code(400).send('bad state');
    const tokens = await app.hubspot.exchange(request.query.code);
    await app.db.hubspot.save(user.id, tokens);
    return reply.redirect('/connected');
  });
}
