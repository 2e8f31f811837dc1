// Next.js route handlers (app/api/oauth/hubspot/[action]/route.ts) of an MCP server where state is only base64url-encoded JSON of the return path — predictable, not random; best practices: state must be "cryptographically secure random".
import { NextRequest, NextResponse } from 'next/server';
import { saveHubspotTokens } from '@/lib/tokens';

const REDIRECT = 'https://crm-mcp.example.com/api/oauth/hubspot/callback';

export async function GET(req: NextRequest, { params }: { params: { action: string } }) {
  if (params.action === 'start') {
    const returnTo = req.nextUrl.searchParams.get('returnTo') ?? '/';
    // held-out: oauth-state-missing
    const state = Buffer.from(JSON.stringify({ returnTo })).toString('base64url');
    const url = `https://app.hubspot.example/oauth/authorize?client_id=${process.env.HUBSPOT_CLIENT_ID}&scope=crm.objects.contacts.read&redirect_uri=${encodeURIComponent(REDIRECT)}&state=${state}`;
    const out = NextResponse.redirect(url);
    out.cookies.set('hs_state', state, { httpOnly: true, secure: true, sameSite: 'lax', maxAge: 600 });
    return out;
  }

  const code = req.nextUrl.searchParams.get('code');
  const returned = req.nextUrl.searchParams.get('state');
  if (!returned || returned !== req.cookies.get('hs_state')?.value) {
    return NextResponse.json({ error: 'state mismatch' }, { status: 400 });
  }
  const { returnTo } = JSON.parse(Buffer.from(returned, 'base64url').toString());
  const tokens = await fetch('https://api.hubspot.example/oauth/v1/token', {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'authorization_code', code: code ?? '', redirect_uri: REDIRECT, client_id: process.env.HUBSPOT_CLIENT_ID!, client_secret: process.env.HUBSPOT_CLIENT_SECRET! }),
  }).then((r) => r.json());
  await saveHubspotTokens(req.cookies.get('sid')?.value ?? '', tokens);
  const done = NextResponse.redirect(new URL(returnTo, req.url));
  done.cookies.delete('hs_state');
  return done;
}
