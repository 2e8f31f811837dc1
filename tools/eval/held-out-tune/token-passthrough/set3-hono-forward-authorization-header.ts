// Hono MCP server whose tool helper copies the caller's Authorization header onto the request to the company API (SEC: "The MCP server MUST NOT pass through the token it received from the MCP client")
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import { StreamableHTTPTransport } from '@hono/mcp';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

const API_BASE = process.env.ORDERS_API ?? 'https://orders.internal.example.com/v2';

function createServer(authorization: string) {
  const server = new McpServer({ name: 'orders', version: '1.3.0' });

  const callApi = async (path: string) => {
    const res = await fetch(`${API_BASE}${path}`, {
      // held-out: token-passthrough
      headers: { authorization, accept: 'application/json' },
    });
    if (!res.ok) throw new Error(`orders API ${res.status}`);
    return res.json();
  };

  server.tool('get_order', 'Fetch one order', { orderId: z.string() }, async ({ orderId }) => ({
    content: [{ type: 'text', text: JSON.stringify(await callApi(`/orders/${encodeURIComponent(orderId)}`)) }],
  }));
  server.tool('recent_orders', 'Orders of the last 7 days', {}, async () => ({
    content: [{ type: 'text', text: JSON.stringify(await callApi('/orders?since=7d')) }],
  }));
  return server;
}

const app = new Hono();

app.all('/mcp', async (c) => {
  const authorization = c.req.header('Authorization');
  if (!authorization) {
    return c.json({ error: 'unauthorized' }, 401, { 'WWW-Authenticate': 'Bearer resource_metadata="https://orders-mcp.example.com/.well-known/oauth-protected-resource"' });
  }
  const transport = new StreamableHTTPTransport();
  await createServer(authorization).connect(transport);
  return transport.handleRequest(c);
});

serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 8787) });
