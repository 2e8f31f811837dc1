// Next.js callback route that deletes the state cookie but never compares it with the returned state before redeeming the code — security best practices: "Reject any callback requests where the state parameter is missing or does not match"
import { NextRequest, NextResponse } from 'next/server';
import { cookies } from 'next/headers';
import { saveAsanaTokens } from '@/lib/tokens';

export async function GET(request: NextRequest) {
  const code = request.nextUrl.searchParams.get('code');
  const jar = await cookies();
  jar.delete('asana_state');
  if (!code) {
    return NextResponse.json({ error: 'missing code' }, { status: 400 });
  }
  // held-out: oauth-state-missing
  const response = await fetch('https://app.asana.com/-/oauth_token', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: process.env.ASANA_CLIENT_ID!,
      client_secret: process.env.ASANA_CLIENT_SECRET!,
      redirect_uri: `${process.env.APP_URL}/api/auth/callback`,
      code,
    }),
  });
  const tokens = await response.json();
  await saveAsanaTokens(tokens);
  return NextResponse.redirect(new URL('/connected', request.url));
}
