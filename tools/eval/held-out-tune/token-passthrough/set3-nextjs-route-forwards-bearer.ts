// Next.js route handler (app/api/mcp/[transport]/route.ts) that reads the bearer token from the incoming request and sends it to the product's REST backend (SEC, token passthrough)
import { createMcpHandler, withMcpAuth } from 'mcp-handler';
import type { AuthInfo } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { verifyToken } from '@/lib/auth';

const BACKEND = process.env.BACKEND_URL ?? 'https://api.planner.example.com';

async function backend<T>(path: string, accessToken: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(`${BACKEND}${path}`, {
    ...init,
    headers: {
      'Content-Type': 'application/json',
      // held-out: token-passthrough
      Authorization: 'Bearer ' + accessToken,
    },
    cache: 'no-store',
  });
  if (!res.ok) throw new Error(`backend ${res.status}`);
  return (await res.json()) as T;
}

const handler = createMcpHandler((server) => {
  server.tool('list_boards', 'List boards', {}, async (_args, extra) => {
    const boards = await backend<Array<{ id: string; name: string }>>('/boards', extra.authInfo!.token);
    return { content: [{ type: 'text', text: boards.map((b) => b.name).join('\n') }] };
  });
  server.tool('add_card', 'Add a card', { boardId: z.string(), title: z.string() }, async ({ boardId, title }, extra) => {
    await backend(`/boards/${boardId}/cards`, extra.authInfo!.token, { method: 'POST', body: JSON.stringify({ title }) });
    return { content: [{ type: 'text', text: 'added' }] };
  });
});

const authHandler = withMcpAuth(
  handler,
  async (_req: Request, bearerToken?: string): Promise<AuthInfo | undefined> => (bearerToken ? verifyToken(bearerToken) : undefined),
  { required: true },
);

export { authHandler as GET, authHandler as POST };
