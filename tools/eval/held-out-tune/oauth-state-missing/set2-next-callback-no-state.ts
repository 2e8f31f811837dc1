// Next.js route handler (app/api/linear/callback/route.ts) of an MCP server: redeems Linear's authorization code with no state or PKCE verifier anywhere in the flow — MCP 2026-07-28 security best practices, state parameter; RFC 9700 §4.7.
import { cookies } from 'next/headers';
import { NextResponse, type NextRequest } from 'next/server';
import { db } from '@/lib/db';

export async function GET(request: NextRequest) {
  const code = request.nextUrl.searchParams.get('code');
  if (!code) return NextResponse.json({ error: 'missing code' }, { status: 400 });

  const sessionId = (await cookies()).get('sid')?.value;
  if (!sessionId) return NextResponse.redirect(new URL('/login', request.url));

  // held-out: oauth-state-missing
  const response = await fetch('https://api.linear.app/oauth/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      code,
      redirect_uri: `${process.env.APP_URL}/api/linear/callback`,
      client_id: process.env.LINEAR_CLIENT_ID!,
      client_secret: process.env.LINEAR_CLIENT_SECRET!,
      grant_type: 'authorization_code',
    }),
  });
  const token = await response.json();
  await db.linearConnections.upsert({ sessionId, accessToken: token.access_token, scope: token.scope });
  return NextResponse.redirect(new URL('/connected', request.url));
}
