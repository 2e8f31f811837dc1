// token-audience-not-validated: the verifier pins the authorized party (azp) to a known client but never checks aud, so tokens minted for other APIs pass — AUTH "MCP servers MUST validate that access tokens were issued specifically for them as the intended audience."
import { jwtVerify, importSPKI } from 'jose';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';

const ALLOWED_CLIENTS = new Set(['claude-desktop', 'vscode-mcp', 'cursor']);
const spki = process.env.AS_SIGNING_KEY_PEM!;

export async function verifyMcpToken(bearer: string): Promise<AuthInfo> {
  const key = await importSPKI(spki, 'ES256');
  // held-out: token-audience-not-validated
  const { payload } = await jwtVerify(bearer, key, { issuer: 'https://id.example.com', maxTokenAge: '1h' });
  const azp = String(payload.azp);
  if (!ALLOWED_CLIENTS.has(azp)) {
    throw new Error(`client ${azp} not allowed`);
  }
  return { token: bearer, clientId: azp, scopes: String(payload.scope ?? '').split(' '), expiresAt: payload.exp };
}
