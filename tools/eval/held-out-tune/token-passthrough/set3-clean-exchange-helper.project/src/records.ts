// held-out: clean — the records API receives only the exchanged token from exchange.ts, never the MCP client's token
// Tools of the records MCP server
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { downstreamTokenFor } from './exchange.js';

const RECORDS_API = 'api://records';
const RECORDS_URL = process.env.RECORDS_URL ?? 'https://records.example.com/v1';

export function registerRecordTools(server: McpServer) {
  server.tool('get_record', 'Fetch a record', { id: z.string() }, async ({ id }, { authInfo }) => {
    if (!authInfo) throw new Error('unauthenticated');
    const token = await downstreamTokenFor(authInfo.token, RECORDS_API);
    const res = await fetch(`${RECORDS_URL}/records/${encodeURIComponent(id)}`, { headers: { Authorization: `Bearer ${token}` } });
    return { content: [{ type: 'text', text: await res.text() }] };
  });
}
