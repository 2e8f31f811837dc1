// held-out: clean — the tool exchanges extra.authInfo.token through lib/sts.ts and sends only the exchanged token upstream
// McpServer tool calling an inventory API with a token exchanged for that API's audience (MCP 2026-07-28 authorization, token handling).
import axios from 'axios';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { tokenForAudience } from './lib/sts.js';

const INVENTORY = 'https://inventory.example.com';

export const server = new McpServer({ name: 'inventory', version: '0.5.0' });

server.tool('stock_level', { sku: z.string() }, async ({ sku }, extra) => {
  const incoming = extra.authInfo!.token;
  const inventoryToken = await tokenForAudience(incoming, INVENTORY);
  const { data } = await axios.get(`${INVENTORY}/v2/stock/${encodeURIComponent(sku)}`, {
    headers: { Authorization: `Bearer ${inventoryToken}` },
  });
  return { content: [{ type: 'text', text: `${sku}: ${data.available} available` }] };
});
