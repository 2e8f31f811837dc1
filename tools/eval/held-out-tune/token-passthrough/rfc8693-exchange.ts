// held-out: clean — the incoming token is exchanged (RFC 8693) at the authorization server and only the exchanged token goes upstream.
// Tool that calls the payments API with a token obtained by token exchange — AUTH: "The access token used at the upstream API is a separate token".
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

const TOKEN_ENDPOINT = 'https://auth.example.com/oauth2/token';

async function exchangeForPaymentsToken(subjectToken: string): Promise<string> {
  const response = await fetch(TOKEN_ENDPOINT, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Authorization: 'Basic ' + Buffer.from(`${process.env.CLIENT_ID}:${process.env.CLIENT_SECRET}`).toString('base64'),
    },
    body: new URLSearchParams({
      grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
      subject_token: subjectToken,
      subject_token_type: 'urn:ietf:params:oauth:token-type:access_token',
      audience: 'https://payments.example.com',
    }),
  });
  if (!response.ok) throw new Error(`token exchange failed: ${response.status}`);
  const json = (await response.json()) as { access_token: string };
  return json.access_token;
}

export function registerPayments(server: McpServer) {
  server.tool('recent_payments', 'List recent payments', async ({ authInfo }) => {
    const paymentsToken = await exchangeForPaymentsToken(authInfo!.token);
    const res = await fetch('https://payments.example.com/v1/payments?limit=10', {
      headers: { Authorization: `Bearer ${paymentsToken}` },
    });
    return { content: [{ type: 'text', text: await res.text() }] };
  });
}
