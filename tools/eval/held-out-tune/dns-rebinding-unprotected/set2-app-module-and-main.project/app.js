// Express app module (exported, not started here) that serves MCP over Streamable HTTP with no Origin/Host validation; main.js binds it to every interface (MCP transports: "Servers MUST validate the Origin header on all incoming connections").
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';
import { runNotebookCell } from './jupyter.js';

export function createApp() {
  const app = express();
  app.use(express.json({ limit: '10mb' }));

  app.post('/mcp', async (req, res) => {
    const server = new McpServer({ name: 'jupyter-runner', version: '0.3.2' });
    server.tool('run_cell', { code: z.string() }, async ({ code }) => ({
      content: [{ type: 'text', text: await runNotebookCell(code) }],
    }));
    // held-out: dns-rebinding-unprotected
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    res.on('close', () => {
      transport.close();
      server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(req, res, req.body);
  });

  return app;
}
