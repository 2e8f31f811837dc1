// Next.js App Router MCP route handler that takes the access token from nextUrl.searchParams — MCP authorization: "Access tokens MUST NOT be included in the URI query string"
import { NextRequest, NextResponse } from 'next/server';
import { createRemoteJWKSet, jwtVerify } from 'jose';

const jwks = createRemoteJWKSet(new URL(process.env.AUTH_JWKS_URL!));

async function resolveUser(req: NextRequest) {
  const auth = req.headers.get('authorization');
  if (auth?.toLowerCase().startsWith('bearer ')) {
    return verify(auth.slice(7));
  }
  // held-out: bearer-token-in-query
  const queryToken = req.nextUrl.searchParams.get('access_token');
  return queryToken ? verify(queryToken) : null;
}

async function verify(token: string) {
  const { payload } = await jwtVerify(token, jwks, { audience: process.env.MCP_RESOURCE_URL });
  return payload;
}

export async function POST(req: NextRequest) {
  const user = await resolveUser(req).catch(() => null);
  if (!user) {
    return NextResponse.json({ error: 'unauthorized' }, {
      status: 401,
      headers: { 'WWW-Authenticate': `Bearer resource_metadata="${process.env.MCP_RESOURCE_URL}/.well-known/oauth-protected-resource"` },
    });
  }
  const rpc = await req.json();
  return NextResponse.json({ jsonrpc: '2.0', id: rpc.id, result: { sub: user.sub } });
}
