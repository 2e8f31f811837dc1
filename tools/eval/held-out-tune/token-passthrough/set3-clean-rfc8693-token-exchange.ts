// held-out: clean — the incoming token is exchanged (RFC 8693) for a token whose audience is the upstream API before any upstream call
// Express MCP server behind requireBearerAuth: tools call the billing API with the exchanged token, never with the MCP token (SEC, token passthrough)
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { tokenVerifier } from './verifier.js';

const TOKEN_ENDPOINT = process.env.AS_TOKEN_ENDPOINT ?? 'https://auth.example.com/oauth/token';
const BILLING = 'https://billing.example.com/api';

async function exchangeForBilling(subjectToken: string): Promise<string> {
  const res = await fetch(TOKEN_ENDPOINT, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Authorization: `Basic ${Buffer.from(`${process.env.MCP_CLIENT_ID}:${process.env.MCP_CLIENT_SECRET}`).toString('base64')}`,
    },
    body: new URLSearchParams({
      grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
      subject_token: subjectToken,
      subject_token_type: 'urn:ietf:params:oauth:token-type:access_token',
      audience: BILLING,
      scope: 'invoices:read',
    }),
  });
  if (!res.ok) throw new Error(`token exchange failed: ${res.status}`);
  const { access_token } = (await res.json()) as { access_token: string };
  return access_token;
}

const app = express();
app.use(express.json());
app.post('/mcp', requireBearerAuth({ verifier: tokenVerifier }), async (req, res) => {
  const server = new McpServer({ name: 'billing', version: '0.5.0' });
  server.tool('invoices', 'List invoices', async (extra) => {
    const billingToken = await exchangeForBilling(extra.authInfo!.token);
    const invoices = await fetch(`${BILLING}/invoices`, { headers: { Authorization: `Bearer ${billingToken}` } }).then((r) => r.json());
    return { content: [{ type: 'text', text: JSON.stringify(invoices) }] };
  });
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000);
