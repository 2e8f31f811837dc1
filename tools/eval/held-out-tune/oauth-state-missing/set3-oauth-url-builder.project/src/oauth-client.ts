// OAuth client module of an MCP proxy: builds the upstream authorize URL without state or PKCE — security best practices (MUST for proxy servers): use a cryptographically secure random state and reject callbacks whose state does not match
export interface UpstreamConfig {
  authorizeUrl: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  scopes: string[];
}

export function buildAuthorizeUrl(config: UpstreamConfig): string {
  // held-out: oauth-state-missing
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    scope: config.scopes.join(' '),
  });
  return `${config.authorizeUrl}?${query.toString()}`;
}

export async function redeemCode(config: UpstreamConfig, code: string) {
  const response = await fetch(config.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: config.redirectUri,
      client_id: config.clientId,
      client_secret: config.clientSecret,
    }),
  });
  if (!response.ok) throw new Error(`token endpoint answered ${response.status}`);
  return (await response.json()) as { access_token: string; refresh_token?: string; expires_in?: number };
}
