// Token-exchange helper of the Asana connection (RFC 6749 §4.1.3); the state check belongs to its caller in callback.ts.
export async function exchangeAsanaCode(code: string) {
  const res = await fetch('https://app.asana.com/-/oauth_token', {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: process.env.ASANA_CLIENT_ID!,
      client_secret: process.env.ASANA_CLIENT_SECRET!,
      redirect_uri: process.env.ASANA_REDIRECT_URI!,
      code,
    }),
  });
  if (!res.ok) throw new Error(`asana token endpoint: ${res.status}`);
  return (await res.json()) as { access_token: string; refresh_token: string; expires_in: number };
}
