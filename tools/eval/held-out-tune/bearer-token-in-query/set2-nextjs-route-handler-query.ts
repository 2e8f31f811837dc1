// Next.js App Router route handler (app/api/mcp/route.ts) that reads access_token from req.nextUrl.searchParams (MCP authorization: "Access tokens MUST NOT be included in the URI query string").
import { NextRequest, NextResponse } from 'next/server';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { createMcpServer } from '@/lib/mcp';
import { validateSessionToken } from '@/lib/auth';

async function handle(req: NextRequest): Promise<Response> {
  // held-out: bearer-token-in-query
  const accessToken = req.nextUrl.searchParams.get('access_token');
  const session = accessToken ? await validateSessionToken(accessToken) : null;
  if (!session) {
    return NextResponse.json({ error: 'unauthorized' }, { status: 401 });
  }
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await createMcpServer(session.user).connect(transport);
  return transport.handleRequest(req);
}

export { handle as GET, handle as POST, handle as DELETE };
