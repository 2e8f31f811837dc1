// Next.js route handler (app/api/mcp/route.ts) that authorizes MCP calls by comparing the x-mcp-secret header with process.env.MCP_SECRET using !== (CWE-208).
import { createMcpHandler } from './handler';

const mcp = createMcpHandler();

async function authorized(request: Request): Promise<Response> {
  const secret = request.headers.get('x-mcp-secret');
  // held-out: secret-compare-not-constant-time
  if (secret == null || secret !== process.env.MCP_SECRET) {
    return Response.json({ error: 'unauthorized' }, { status: 401 });
  }
  return mcp(request);
}

export const GET = authorized;
export const POST = authorized;
