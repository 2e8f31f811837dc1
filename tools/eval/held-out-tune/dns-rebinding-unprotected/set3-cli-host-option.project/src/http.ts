// startHttpServer for a CLI-launched MCP server: Streamable HTTP with no Origin/Host validation, bound to the --host option or every interface — Streamable HTTP transport: "Servers MUST validate the Origin header"; local servers "SHOULD bind only to localhost"
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

export interface HttpOptions {
  port: number;
  hostname?: string;
}

export function startHttpServer(createServer: () => McpServer, options?: HttpOptions) {
  const app = express();
  app.use(express.json());
  app.post('/mcp', async (req, res) => {
    const server = createServer();
    // held-out: dns-rebinding-unprotected
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    res.on('close', () => void transport.close());
    await server.connect(transport);
    await transport.handleRequest(req, res, req.body);
  });
  const port = options?.port ?? 3000;
  const host = options?.hostname ?? '0.0.0.0';
  return app.listen(port, host, () => {
    console.error(`MCP HTTP transport listening on http://${host}:${port}/mcp`);
  });
}
