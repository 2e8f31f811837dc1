// Fastify MCP server whose callback only checks that state is present, never that it matches the issued one; MCP BP: "Reject any callback requests where the state parameter is missing or does not match".
import type { FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { storeUpstreamToken } from '../store/tokens.js';

const ISSUER = 'https://accounts.notion-like.example';

export async function oauthRoutes(app: FastifyInstance) {
  app.get('/oauth/login', async (request, reply) => {
    const state = randomUUID();
    const url = `${ISSUER}/oauth/authorize?response_type=code&client_id=${encodeURIComponent(process.env.CLIENT_ID!)}` +
      `&redirect_uri=${encodeURIComponent(process.env.REDIRECT_URI!)}&state=${state}`;
    return reply.redirect(url);
  });

  app.get<{ Querystring: { code?: string; state?: string } }>('/oauth/callback', async (request, reply) => {
    const { code, state } = request.query;
    // held-out: oauth-state-missing
    if (!code || !state) {
      return reply.code(400).send({ error: 'missing code or state' });
    }
    const tokenResponse = await fetch(`${ISSUER}/oauth/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: 'Basic ' + Buffer.from(`${process.env.CLIENT_ID}:${process.env.CLIENT_SECRET}`).toString('base64'),
      },
      body: JSON.stringify({ grant_type: 'authorization_code', code, redirect_uri: process.env.REDIRECT_URI }),
    });
    await storeUpstreamToken(request.user.id, await tokenResponse.json());
    return reply.redirect('/connected');
  });
}
