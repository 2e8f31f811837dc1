// Cloudflare Worker MCP server that authenticates with one shared bearer secret, comparing the Authorization header with a template by !== (CWE-208 observable timing discrepancy)
import { McpAgent } from 'agents/mcp';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

interface Env {
  MCP_AUTH_TOKEN: string;
  MCP_OBJECT: DurableObjectNamespace;
}

export class TodoMCP extends McpAgent<Env> {
  server = new McpServer({ name: 'todo', version: '1.0.0' });
  async init() {
    this.server.tool('add_todo', 'Add a todo', { text: z.string() }, async ({ text }) => {
      const list = ((await this.ctx.storage.get<string[]>('todos')) ?? []).concat(text);
      await this.ctx.storage.put('todos', list);
      return { content: [{ type: 'text', text: `${list.length} todos` }] };
    });
  }
}

const mcp = TodoMCP.serve('/mcp');

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    const url = new URL(request.url);
    if (!url.pathname.startsWith('/mcp')) return new Response('Not found', { status: 404 });
    // held-out: secret-compare-not-constant-time
    if (request.headers.get('Authorization') !== `Bearer ${env.MCP_AUTH_TOKEN}`) {
      return new Response('Unauthorized', { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } });
    }
    return mcp.fetch(request, env, ctx);
  },
};
