// held-out: clean — an MCP client built on the SDK's auth(): PKCE S256 is always sent, and state() returns a random value that the callback checks once
// OAuthClientProvider for a desktop MCP client; the loopback callback compares the state before finishing auth (AUTH: PKCE; RFC 6749 §10.12).
import { randomBytes } from 'node:crypto';
import type { OAuthClientProvider } from '@modelcontextprotocol/sdk/client/auth.js';
import type { OAuthClientInformationMixed, OAuthClientMetadata, OAuthTokens } from '@modelcontextprotocol/sdk/shared/auth.js';
import open from 'open';
import { createServer } from 'node:http';
import type { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

export class DesktopAuthProvider implements OAuthClientProvider {
  private issuedState?: string;
  private verifier?: string;
  private info?: OAuthClientInformationMixed;
  private saved?: OAuthTokens;

  get redirectUrl() {
    return 'http://127.0.0.1:33418/callback';
  }

  get clientMetadata(): OAuthClientMetadata {
    return { client_name: 'Desk MCP', redirect_uris: [this.redirectUrl], grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'], token_endpoint_auth_method: 'none' };
  }

  state(): string {
    this.issuedState = randomBytes(24).toString('base64url');
    return this.issuedState;
  }

  consumeState(returned: string | null): boolean {
    const ok = !!this.issuedState && returned === this.issuedState;
    this.issuedState = undefined;
    return ok;
  }

  clientInformation() {
    return this.info;
  }
  saveClientInformation(info: OAuthClientInformationMixed) {
    this.info = info;
  }
  tokens() {
    return this.saved;
  }
  saveTokens(t: OAuthTokens) {
    this.saved = t;
  }
  async redirectToAuthorization(url: URL) {
    await open(url.toString());
  }
  saveCodeVerifier(v: string) {
    this.verifier = v;
  }
  codeVerifier() {
    if (!this.verifier) throw new Error('no code verifier');
    return this.verifier;
  }
}

export function awaitLoopbackCallback(provider: DesktopAuthProvider, transport: StreamableHTTPClientTransport): Promise<void> {
  return new Promise((resolve, reject) => {
    const srv = createServer(async (req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1:33418');
      if (url.pathname !== '/callback') return void res.writeHead(404).end();
      const code = url.searchParams.get('code');
      if (!code || !provider.consumeState(url.searchParams.get('state'))) {
        res.writeHead(400).end('state mismatch');
        srv.close();
        return reject(new Error('OAuth callback with missing or wrong state'));
      }
      await transport.finishAuth(code);
      res.end('You can close this window.');
      srv.close();
      resolve();
    });
    srv.listen(33418, '127.0.0.1');
  });
}
