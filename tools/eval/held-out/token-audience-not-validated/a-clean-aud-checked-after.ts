// held-out: clean — jsonwebtoken.verify has no audience option, but the aud claim is checked right after against this server's identifier
// Helper for a Next.js route handler; rejects a token unless its aud (string or array) contains the MCP server URI (AUTH: token audience validation).
import jwt, { type JwtPayload } from 'jsonwebtoken';

const MCP_RESOURCE = process.env.MCP_RESOURCE_URI ?? 'https://app.example.com/api/mcp';
const PUBLIC_KEY = process.env.OIDC_PUBLIC_KEY!;

export function authenticateRequest(request: Request): JwtPayload {
  const header = request.headers.get('authorization') ?? '';
  const bearer = header.replace(/^Bearer\s+/i, '');
  const claims = jwt.verify(bearer, PUBLIC_KEY, { algorithms: ['RS256'], issuer: 'https://oidc.example.com' }) as JwtPayload;
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.includes(MCP_RESOURCE)) {
    throw new Error('token was not issued for this MCP server');
  }
  return claims;
}

export async function POST(request: Request) {
  try {
    const claims = authenticateRequest(request);
    return Response.json({ jsonrpc: '2.0', id: null, result: { sub: claims.sub } });
  } catch {
    return new Response(null, { status: 401, headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' } });
  }
}
