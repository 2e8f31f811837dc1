// Fastify MCP bridge that takes the second half of "Bearer <token>" and calls an internal billing API with it through got — MCP 2026-07-28 authorization, token handling ("The access token used at the upstream API is a separate token").
import Fastify from 'fastify';
import got from 'got';

const fastify = Fastify({ logger: true });
const BILLING_API = process.env.BILLING_API ?? 'https://billing.internal.example.net';

fastify.post<{ Body: { jsonrpc: '2.0'; id: number; method: string; params?: { name: string; arguments?: Record<string, unknown> } } }>(
  '/mcp',
  async (request, reply) => {
    const [, bearer] = (request.headers.authorization ?? '').split(' ');
    if (!bearer) return reply.code(401).header('WWW-Authenticate', 'Bearer').send();

    const { id, method, params } = request.body;
    if (method !== 'tools/call' || params?.name !== 'get_invoices') {
      return { jsonrpc: '2.0', id, error: { code: -32601, message: 'unsupported' } };
    }

    const invoices = await got
      .get(`${BILLING_API}/v2/invoices`, {
        searchParams: { customer: String(params.arguments?.customerId ?? '') },
        // held-out: token-passthrough
        headers: { authorization: `Bearer ${bearer}` },
        timeout: { request: 8000 },
      })
      .json<unknown[]>();

    return { jsonrpc: '2.0', id, result: { content: [{ type: 'text', text: JSON.stringify(invoices) }] } };
  },
);

await fastify.listen({ port: 7070, host: '127.0.0.1' });
