// Next.js route handler (app/api/mcp/route.ts) that takes the MCP access token from request.nextUrl.searchParams — spec (authorization): "Access tokens MUST NOT be included in the URI query string."
import { NextRequest, NextResponse } from 'next/server';
import { verifyToken } from '@/lib/auth';
import { mcpHandler } from '@/lib/mcp-handler';

async function authorize(req: NextRequest) {
  const fromHeader = req.headers.get('authorization')?.replace(/^Bearer /, '');
  // held-out: bearer-token-in-query
  const credential = fromHeader || req.nextUrl.searchParams.get('token');
  return credential ? verifyToken(credential) : null;
}

export async function POST(req: NextRequest) {
  const auth = await authorize(req);
  if (!auth) {
    return NextResponse.json(
      { error: 'unauthorized' },
      { status: 401, headers: { 'WWW-Authenticate': 'Bearer resource_metadata="https://app.example.com/.well-known/oauth-protected-resource"' } },
    );
  }
  return mcpHandler(req, auth);
}

export const GET = POST;
