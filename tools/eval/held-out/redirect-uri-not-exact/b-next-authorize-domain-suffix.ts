// Next.js route handler (app/oauth/authorize/route.ts) of an MCP authorization server that trusts any redirect_uri whose host ends with the client's registered domain — best practices: "exact string matching (not pattern matching or wildcards)".
import { NextRequest, NextResponse } from 'next/server';
import { randomBytes } from 'crypto';
import { findClient, saveAuthorizationCode } from '@/lib/oauth/store';

export async function GET(req: NextRequest) {
  const sp = req.nextUrl.searchParams;
  const client = await findClient(sp.get('client_id') ?? '');
  const redirectUri = sp.get('redirect_uri');
  if (!client || !redirectUri) {
    return NextResponse.json({ error: 'invalid_request' }, { status: 400 });
  }

  const { protocol, host } = new URL(redirectUri);
  // held-out: redirect-uri-not-exact
  if (protocol !== 'https:' || !host.endsWith(client.domain)) {
    return NextResponse.json({ error: 'invalid_request', error_description: 'redirect_uri not allowed' }, { status: 400 });
  }

  const code = randomBytes(32).toString('base64url');
  await saveAuthorizationCode({ code, clientId: client.id, redirectUri, codeChallenge: sp.get('code_challenge') ?? '', scope: sp.get('scope') ?? '' });
  const dest = new URL(redirectUri);
  dest.searchParams.set('code', code);
  const state = sp.get('state');
  if (state) dest.searchParams.set('state', state);
  return NextResponse.redirect(dest);
}
