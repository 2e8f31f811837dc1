// Fastify MCP tool endpoint that copies the incoming bearer onto a Headers object for the Stripe-like billing API — SEC token passthrough.
import Fastify from 'fastify';

const fastify = Fastify({ logger: true });

fastify.post<{ Body: { customerId: string } }>('/mcp/tools/invoices', async (request, reply) => {
  const incoming = request.headers.authorization;
  if (!incoming) return reply.code(401).send({ error: 'unauthorized' });

  const headers = new Headers({ Accept: 'application/json' });
  // held-out: token-passthrough
  headers.set('Authorization', incoming);
  const upstream = await fetch(`https://billing.example.com/v2/customers/${request.body.customerId}/invoices`, { headers });
  return reply.send(await upstream.json());
});

await fastify.listen({ port: 3000 });
