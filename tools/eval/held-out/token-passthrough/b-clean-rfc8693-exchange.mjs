// held-out: clean — the caller's token is only the subject_token of an RFC 8693 exchange; the upstream call carries the newly issued token.
// ESM MCP server: exchanges the MCP client's token at the company STS for a token whose audience is the orders API, then calls that API.
import { z } from 'zod';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

const STS_URL = 'https://sts.example.com/oauth2/token';
const ORDERS_API = 'https://orders.example.com';

async function exchangeForOrders(subjectToken) {
  const form = new URLSearchParams({
    grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
    subject_token: subjectToken,
    subject_token_type: 'urn:ietf:params:oauth:token-type:access_token',
    audience: ORDERS_API,
    scope: 'orders:read',
  });
  const basic = Buffer.from(`${process.env.MCP_CLIENT_ID}:${process.env.MCP_CLIENT_SECRET}`).toString('base64');
  const res = await fetch(STS_URL, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: `Basic ${basic}` },
    body: form,
  });
  if (!res.ok) throw new Error(`token exchange failed (${res.status})`);
  const { access_token } = await res.json();
  return access_token;
}

export const server = new McpServer({ name: 'orders', version: '3.0.0' });

server.registerTool(
  'recent_orders',
  { description: 'Most recent orders for the signed-in user', inputSchema: { limit: z.number().int().max(50).default(10) } },
  async ({ limit }, extra) => {
    const ordersToken = await exchangeForOrders(extra.authInfo.token);
    const res = await fetch(`${ORDERS_API}/v1/orders?limit=${limit}`, {
      headers: { Authorization: `Bearer ${ordersToken}` },
    });
    return { content: [{ type: 'text', text: await res.text() }] };
  },
);
