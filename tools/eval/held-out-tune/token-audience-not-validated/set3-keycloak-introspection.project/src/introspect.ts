// Helper: calls Keycloak's token introspection endpoint (RFC 7662) with the resource server's own client credentials
export interface IntrospectionResult {
  active: boolean;
  sub?: string;
  aud?: string | string[];
  azp?: string;
  scope?: string;
  exp?: number;
  preferred_username?: string;
}

const realm = process.env.KEYCLOAK_REALM_URL ?? 'https://keycloak.example.com/realms/mcp';

export async function introspect(token: string): Promise<IntrospectionResult> {
  const response = await fetch(`${realm}/protocol/openid-connect/token/introspect`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      token,
      client_id: process.env.KEYCLOAK_RS_CLIENT_ID ?? 'mcp-server',
      client_secret: process.env.KEYCLOAK_RS_CLIENT_SECRET ?? '',
    }),
  });
  if (!response.ok) {
    throw new Error(`Keycloak introspection returned ${response.status}`);
  }
  return (await response.json()) as IntrospectionResult;
}
