// Next.js route handler (app/api/oauth/start/route.ts) sending the same configured state on every authorization request; MCP BP: state must be random per request and single-use.
import { NextResponse } from 'next/server';

const AUTHORIZE_URL = 'https://auth.linear-ish.example/oauth/authorize';

export async function GET() {
  const url = new URL(AUTHORIZE_URL);
  url.searchParams.set('client_id', process.env.LINEARISH_CLIENT_ID!);
  url.searchParams.set('redirect_uri', `${process.env.NEXT_PUBLIC_APP_URL}/api/oauth/callback`);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', 'read issues:create');
  // held-out: oauth-state-missing
  url.searchParams.set('state', process.env.OAUTH_STATE_SECRET ?? 'mcp-linearish');
  return NextResponse.redirect(url);
}
