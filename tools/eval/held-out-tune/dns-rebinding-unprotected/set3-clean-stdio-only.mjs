// held-out: clean — the server speaks MCP over stdio only; its HTTP listener is a health endpoint that serves no MCP transport
// Stdio MCP server that also exposes a Prometheus-style metrics endpoint on localhost
import http from 'node:http';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { z } from 'zod';

let callCount = 0;
const server = new McpServer({ name: 'math', version: '1.0.0' });

server.tool('add', { a: z.number(), b: z.number() }, async ({ a, b }) => {
  callCount += 1;
  return { content: [{ type: 'text', text: String(a + b) }] };
});

const metrics = http.createServer((req, res) => {
  if (req.url === '/metrics') {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(`mcp_tool_calls_total ${callCount}\n`);
    return;
  }
  res.writeHead(404).end();
});
metrics.listen(9464, '127.0.0.1');

const transport = new StdioServerTransport();
await server.connect(transport);
console.error('math MCP server running on stdio');
