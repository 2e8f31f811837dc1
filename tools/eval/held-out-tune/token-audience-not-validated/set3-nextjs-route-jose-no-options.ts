// Next.js App Router route handler (app/api/mcp/route.ts) verifying the bearer JWT against the IdP's JWKS with no claim options at all (AUTH: "MCP servers MUST validate that access tokens were issued specifically for them as the intended audience")
import { NextRequest, NextResponse } from 'next/server';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { createMcpHandler } from 'mcp-handler';
import { z } from 'zod';

const jwks = createRemoteJWKSet(new URL(process.env.CLERK_JWKS_URL ?? 'https://clerk.example.dev/.well-known/jwks.json'));

const mcpHandler = createMcpHandler((server) => {
  server.tool('search_docs', 'Search the handbook', { query: z.string() }, async ({ query }) => ({
    content: [{ type: 'text', text: `results for ${query}` }],
  }));
});

async function authorized(request: NextRequest): Promise<boolean> {
  const header = request.headers.get('authorization');
  if (!header?.toLowerCase().startsWith('bearer ')) return false;
  const accessToken = header.slice('bearer '.length).trim();
  try {
    // held-out: token-audience-not-validated
    const { payload } = await jwtVerify(accessToken, jwks);
    return typeof payload.sub === 'string';
  } catch {
    return false;
  }
}

function unauthorized(request: NextRequest) {
  const metadata = new URL('/.well-known/oauth-protected-resource', request.url);
  return new NextResponse(JSON.stringify({ error: 'unauthorized' }), {
    status: 401,
    headers: { 'WWW-Authenticate': `Bearer resource_metadata="${metadata}"`, 'Content-Type': 'application/json' },
  });
}

export async function POST(request: NextRequest) {
  if (!(await authorized(request))) return unauthorized(request);
  return mcpHandler(request);
}

export async function GET(request: NextRequest) {
  if (!(await authorized(request))) return unauthorized(request);
  return mcpHandler(request);
}
