// Next.js route handler (app/mcp/route.ts) that authenticates MCP requests with jose's jwtVerify, issuer checked, audience not — spec (authorization): "MCP servers MUST validate that access tokens were issued specifically for them as the intended audience."
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { handleMcpRequest } from '@/lib/mcp';

const issuer = process.env.AUTH_ISSUER!;
const jwks = createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`));

function unauthorized() {
  return new Response(JSON.stringify({ error: 'invalid_token' }), {
    status: 401,
    headers: {
      'content-type': 'application/json',
      'www-authenticate': `Bearer resource_metadata="${process.env.NEXT_PUBLIC_BASE_URL}/.well-known/oauth-protected-resource"`,
    },
  });
}

export async function POST(req: Request) {
  const header = req.headers.get('authorization') ?? '';
  const [scheme, credential] = header.split(' ');
  if (scheme !== 'Bearer' || !credential) return unauthorized();
  try {
    // held-out: token-audience-not-validated
    const { payload } = await jwtVerify(credential, jwks, { issuer });
    return handleMcpRequest(req, { userId: payload.sub!, scopes: String(payload.scope ?? '').split(' ') });
  } catch {
    return unauthorized();
  }
}
