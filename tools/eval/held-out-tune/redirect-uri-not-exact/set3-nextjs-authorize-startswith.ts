// Next.js route handler of an MCP authorization server accepting any redirect_uri under the app URL prefix — security considerations: "Authorization servers MUST validate exact redirect URIs against pre-registered values"
import { NextRequest, NextResponse } from 'next/server';
import { getServerSession } from 'next-auth';
import { createCode } from '@/lib/oauth/codes';

const APP_URL = process.env.NEXT_PUBLIC_APP_URL ?? 'https://mcp.planner.app';

export async function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const redirectUri = params.get('redirect_uri');
  const clientId = params.get('client_id');
  if (!redirectUri || !clientId) {
    return NextResponse.json({ error: 'invalid_request' }, { status: 400 });
  }
  // held-out: redirect-uri-not-exact
  if (!redirectUri.startsWith(APP_URL) && !redirectUri.startsWith('http://localhost')) {
    return NextResponse.json({ error: 'invalid_request', error_description: 'redirect_uri not allowed' }, { status: 400 });
  }
  const session = await getServerSession();
  if (!session?.user?.email) {
    const login = new URL('/login', APP_URL);
    login.searchParams.set('next', request.nextUrl.pathname + request.nextUrl.search);
    return NextResponse.redirect(login);
  }
  const code = await createCode({
    clientId,
    redirectUri,
    user: session.user.email,
    codeChallenge: params.get('code_challenge') ?? '',
  });
  const target = new URL(redirectUri);
  target.searchParams.set('code', code);
  const state = params.get('state');
  if (state) target.searchParams.set('state', state);
  return NextResponse.redirect(target);
}
