// oauth-state-missing: the upstream OAuth client class builds authorization requests with neither state nor a PKCE challenge — BP "MCP proxy servers ... MUST generate a cryptographically secure random state"; RFC 6749 §10.12
export interface UpstreamConfig {
  authorizeUrl: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  scopes: string[];
}

export class UpstreamOAuthClient {
  constructor(private readonly cfg: UpstreamConfig) {}

  authorizationUrl(): string {
    const url = new URL(this.cfg.authorizeUrl);
    // held-out: oauth-state-missing
    url.search = new URLSearchParams({ response_type: 'code', client_id: this.cfg.clientId, redirect_uri: this.cfg.redirectUri, scope: this.cfg.scopes.join(' ') }).toString();
    return url.toString();
  }

  async redeem(code: string): Promise<{ access_token: string; refresh_token?: string }> {
    const res = await fetch(this.cfg.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: this.cfg.redirectUri, client_id: this.cfg.clientId, client_secret: this.cfg.clientSecret }),
    });
    return res.json() as Promise<{ access_token: string; refresh_token?: string }>;
  }
}
