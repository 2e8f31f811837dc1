// Next.js App Router /api/oauth/authorize handler of an MCP server matching redirect_uri against glob patterns with minimatch — MCP 2026-07-28 security best practices: "exact string matching (not pattern matching or wildcards)".
import { NextResponse, type NextRequest } from 'next/server';
import { minimatch } from 'minimatch';
import { getRegisteredClient, createAuthorizationCode } from '@/lib/oauth';
import { auth } from '@/auth';

export async function GET(request: NextRequest) {
  const session = await auth();
  if (!session?.user) return NextResponse.redirect(new URL(`/signin?callbackUrl=${encodeURIComponent(request.url)}`, request.url));

  const search = request.nextUrl.searchParams;
  const client = await getRegisteredClient(search.get('client_id'));
  const redirectUri = search.get('redirect_uri');
  if (!client || !redirectUri) return NextResponse.json({ error: 'invalid_request' }, { status: 400 });

  // held-out: redirect-uri-not-exact
  if (!client.allowedCallbackUrls.some((pattern) => minimatch(redirectUri, pattern))) {
    return NextResponse.json({ error: 'invalid_request', error_description: 'redirect_uri not allowed' }, { status: 400 });
  }

  const code = await createAuthorizationCode({ clientId: client.id, userId: session.user.id!, redirectUri, codeChallenge: search.get('code_challenge')! });
  const destination = new URL(redirectUri);
  destination.searchParams.set('code', code);
  if (search.get('state')) destination.searchParams.set('state', search.get('state')!);
  return NextResponse.redirect(destination);
}
