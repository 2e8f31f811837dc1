// RFC 7662 introspection helper of a JavaScript MCP server: posts the token to the authorization server and returns the JSON it answers.
export async function introspect(token) {
  const res = await fetch(process.env.OAUTH_INTROSPECT_URL, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${process.env.OAUTH_RS_ID}:${process.env.OAUTH_RS_SECRET}`).toString('base64')}`,
    },
    body: new URLSearchParams({ token, token_type_hint: 'access_token' }),
  });
  if (!res.ok) throw new Error(`introspection endpoint answered ${res.status}`);
  return res.json();
}
