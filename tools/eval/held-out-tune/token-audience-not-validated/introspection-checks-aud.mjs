// held-out: clean — the introspection response's aud must contain this server's resource before the token is accepted.
// verifyAccessToken for opaque tokens via RFC 7662 introspection — AUTH audience validation for opaque tokens.
const RESOURCE = new URL(process.env.MCP_RESOURCE_URL ?? 'https://mcp.example.com/mcp');

export async function verifyAccessToken(token) {
  const res = await fetch(`${process.env.AS_URL}/oauth/introspect`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: `Basic ${process.env.INTROSPECTION_CREDENTIALS}` },
    body: new URLSearchParams({ token }),
  });
  const data = await res.json();
  if (!data.active) throw new Error('inactive token');
  const aud = [].concat(data.aud ?? []);
  if (!aud.includes(RESOURCE.href)) throw new Error(`token audience ${aud.join(',')} does not include ${RESOURCE.href}`);
  return { token, clientId: data.client_id, scopes: (data.scope ?? '').split(' '), expiresAt: data.exp, resource: RESOURCE };
}
