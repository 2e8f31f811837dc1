// held-out: clean — the MCP client sends its token to the revocation endpoint in an x-www-form-urlencoded POST body (RFC 7009) and to the MCP server in the Authorization header; no URL carries it.
// ESM helper of an MCP client that signs out: revokes its tokens and tells the server to end the session.
export async function signOut({ revocationEndpoint, mcpEndpoint, clientId, tokens, sessionId }) {
  const form = new URLSearchParams();
  form.set('token', tokens.refresh_token ?? tokens.access_token);
  form.set('token_type_hint', tokens.refresh_token ? 'refresh_token' : 'access_token');
  form.set('client_id', clientId);

  await fetch(revocationEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: form,
  });

  await fetch(mcpEndpoint, {
    method: 'DELETE',
    headers: { Authorization: `Bearer ${tokens.access_token}`, 'Mcp-Session-Id': sessionId },
  });
}
