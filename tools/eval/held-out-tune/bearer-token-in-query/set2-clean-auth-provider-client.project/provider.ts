// held-out: clean — an OAuthClientProvider that keeps tokens in memory; the SDK transport sends them in the Authorization header
// Client-side token provider used by client.ts (MCP authorization: clients MUST use the Authorization header).
import type { OAuthClientProvider } from '@modelcontextprotocol/sdk/client/auth.js';
import type { OAuthClientInformationFull, OAuthClientMetadata, OAuthTokens } from '@modelcontextprotocol/sdk/shared/auth.js';

export class MemoryAuthProvider implements OAuthClientProvider {
  private stored?: OAuthTokens;
  private info?: OAuthClientInformationFull;
  private verifier = '';

  constructor(private readonly callbackUrl: string, private readonly openBrowser: (url: URL) => void) {}

  get redirectUrl() {
    return this.callbackUrl;
  }
  get clientMetadata(): OAuthClientMetadata {
    return { client_name: 'notes-desktop', redirect_uris: [this.callbackUrl], grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'], token_endpoint_auth_method: 'none' };
  }
  clientInformation() {
    return this.info;
  }
  saveClientInformation(info: OAuthClientInformationFull) {
    this.info = info;
  }
  tokens() {
    return this.stored;
  }
  saveTokens(tokens: OAuthTokens) {
    this.stored = tokens;
  }
  redirectToAuthorization(url: URL) {
    this.openBrowser(url);
  }
  saveCodeVerifier(verifier: string) {
    this.verifier = verifier;
  }
  codeVerifier() {
    return this.verifier;
  }
}
