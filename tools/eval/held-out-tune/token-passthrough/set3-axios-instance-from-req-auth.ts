// Express route behind the SDK's requireBearerAuth that creates an axios instance carrying req.auth.token for the billing API (SEC: "The MCP server MUST NOT pass through the token it received from the MCP client")
import express, { type Request } from 'express';
import axios, { type AxiosInstance } from 'axios';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';
import { tokenVerifier } from './verifier.js';

function billingApi(req: Request): AxiosInstance {
  return axios.create({
    baseURL: process.env.BILLING_API_URL ?? 'https://billing.example.com/api',
    timeout: 10_000,
    // held-out: token-passthrough
    headers: { Authorization: `Bearer ${req.auth!.token}` },
  });
}

const app = express();
app.use(express.json());

app.post('/mcp', requireBearerAuth({ verifier: tokenVerifier, requiredScopes: ['billing:read'] }), async (req, res) => {
  const api = billingApi(req);
  const server = new McpServer({ name: 'billing', version: '0.4.0' });
  server.tool('invoices', 'List invoices', { status: z.enum(['open', 'paid', 'void']).optional() }, async ({ status }) => {
    const { data } = await api.get('/invoices', { params: { status } });
    return { content: [{ type: 'text', text: JSON.stringify(data) }] };
  });
  server.tool('balance', 'Current balance', {}, async () => {
    const { data } = await api.get('/balance');
    return { content: [{ type: 'text', text: `${data.amount} ${data.currency}` }] };
  });
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(3000);
