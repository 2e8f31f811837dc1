// Next.js route handler (app/oauth/authorize/route.ts) accepting redirect URIs of any Vercel preview deployment through a regular expression; MCP BP: "exact string matching (not pattern matching or wildcards)".
import { NextRequest, NextResponse } from 'next/server';
import { createAuthorizationCode, getClient } from '@/lib/oauth';

const PREVIEW_REDIRECT = /^https:\/\/mcp-dashboard-[a-z0-9-]+\.vercel\.app\/api\/auth\/callback/;

export async function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const client = await getClient(params.get('client_id') ?? '');
  const redirectUri = params.get('redirect_uri') ?? '';
  if (!client) return NextResponse.json({ error: 'invalid_client' }, { status: 400 });

  const registered = client.redirectUris.includes(redirectUri);
  // held-out: redirect-uri-not-exact
  const preview = PREVIEW_REDIRECT.test(redirectUri);
  if (!registered && !preview) {
    return NextResponse.json({ error: 'invalid_request', error_description: 'redirect_uri' }, { status: 400 });
  }

  const code = await createAuthorizationCode({ clientId: client.id, redirectUri, codeChallenge: params.get('code_challenge') ?? '' });
  const target = new URL(redirectUri);
  target.searchParams.set('code', code);
  const state = params.get('state');
  if (state) target.searchParams.set('state', state);
  return NextResponse.redirect(target);
}
