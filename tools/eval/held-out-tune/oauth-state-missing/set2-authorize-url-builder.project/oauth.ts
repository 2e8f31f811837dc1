// Upstream OAuth helper of an MCP proxy for Box: builds the authorize URL with neither state nor PKCE — MCP 2026-07-28 security best practices, state parameter (MUST for proxy servers); RFC 9700 §2.1.
const BOX_AUTHORIZE = 'https://account.box.com/api/oauth2/authorize';

export function buildAuthorizeUrl(redirectUri: string, scopes: string[] = ['root_readonly']): string {
  // held-out: oauth-state-missing
  const query = new URLSearchParams({ response_type: 'code', client_id: process.env.BOX_CLIENT_ID!, redirect_uri: redirectUri, scope: scopes.join(' ') });
  return `${BOX_AUTHORIZE}?${query.toString()}`;
}

export async function redeemCode(code: string, redirectUri: string) {
  const res = await fetch('https://api.box.com/oauth2/token', {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      client_id: process.env.BOX_CLIENT_ID!,
      client_secret: process.env.BOX_CLIENT_SECRET!,
      redirect_uri: redirectUri,
    }),
  });
  if (!res.ok) throw new Error(`Box token endpoint answered ${res.status}`);
  return (await res.json()) as { access_token: string; refresh_token: string; expires_in: number };
}
