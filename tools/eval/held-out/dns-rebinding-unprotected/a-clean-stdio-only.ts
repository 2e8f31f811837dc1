// held-out: clean — the server speaks MCP only over stdio; its HTTP use is outbound fetch, so there is no HTTP listener to rebind to
// Local stdio MCP server that proxies a public REST API (Streamable HTTP DNS-rebinding rules do not apply to stdio).
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { z } from 'zod';

const server = new McpServer({ name: 'npm-info', version: '1.0.2' });

server.registerTool('package_info', { inputSchema: { name: z.string() } }, async ({ name }) => {
  const res = await fetch(`https://registry.npmjs.org/${encodeURIComponent(name)}/latest`);
  const meta = (await res.json()) as { version: string; description?: string };
  return { content: [{ type: 'text', text: `${name}@${meta.version}: ${meta.description ?? ''}` }] };
});

const transport = new StdioServerTransport();
await server.connect(transport);
console.error('npm-info MCP server running on stdio');
