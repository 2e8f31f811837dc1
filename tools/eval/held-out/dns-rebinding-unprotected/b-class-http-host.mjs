// ESM class wrapping an MCP server for local use: it binds to localhost and creates a Streamable HTTP transport per request with no DNS-rebinding protection — spec (Streamable HTTP): "Servers MUST validate the Origin header on all incoming connections"; "bind only to localhost (127.0.0.1)" is not enough on its own.
import http from 'node:http';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

export class LocalMcpHost {
  constructor({ name, version, port = 6277, register }) {
    this.name = name;
    this.version = version;
    this.port = port;
    this.register = register;
    this.httpServer = null;
  }

  async handle(req, res) {
    const server = new McpServer({ name: this.name, version: this.version });
    this.register(server);
    // held-out: dns-rebinding-unprotected
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    res.on('close', () => transport.close());
    await server.connect(transport);
    await transport.handleRequest(req, res);
  }

  start() {
    this.httpServer = http.createServer((req, res) => {
      if (req.url === '/mcp') this.handle(req, res).catch(() => res.writeHead(500).end());
      else res.writeHead(404).end();
    });
    return new Promise((resolve) => this.httpServer.listen(this.port, 'localhost', resolve));
  }

  stop() {
    return new Promise((resolve) => this.httpServer.close(resolve));
  }
}
