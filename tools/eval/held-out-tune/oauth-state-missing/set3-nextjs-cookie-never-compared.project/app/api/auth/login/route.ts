// Next.js login route of an MCP server: a random state is stored in a cookie and sent to the provider
import { NextResponse } from 'next/server';
import { cookies } from 'next/headers';
import { randomBytes } from 'node:crypto';

const AUTHORIZE = 'https://app.asana.com/-/oauth_authorize';

export async function GET() {
  const state = randomBytes(16).toString('hex');
  const jar = await cookies();
  jar.set('asana_state', state, { httpOnly: true, secure: true, sameSite: 'lax', maxAge: 600, path: '/api/auth' });
  const url = new URL(AUTHORIZE);
  url.searchParams.set('client_id', process.env.ASANA_CLIENT_ID!);
  url.searchParams.set('redirect_uri', `${process.env.APP_URL}/api/auth/callback`);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('state', state);
  url.searchParams.set('scope', 'default');
  return NextResponse.redirect(url);
}
