// Class-based MCP HTTP server whose start() builds a StreamableHTTPServerTransport per session without Origin/Host validation — Streamable HTTP transport: "Servers MUST validate the Origin header on all incoming connections"
import express, { type Express } from 'express';
import type { Server as HttpServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

export interface HttpServerOptions {
  port: number;
  host?: string;
  createMcp: () => McpServer;
}

export class HttpMcpServer {
  private readonly app: Express = express();
  private readonly transports = new Map<string, StreamableHTTPServerTransport>();
  private listener?: HttpServer;

  constructor(private readonly options: HttpServerOptions) {
    this.app.use(express.json());
    this.app.all('/mcp', (req, res) => void this.handle(req, res));
  }

  private async handle(req: express.Request, res: express.Response) {
    const sessionId = req.header('mcp-session-id');
    const known = sessionId ? this.transports.get(sessionId) : undefined;
    if (known) return known.handleRequest(req, res, req.body);
    // held-out: dns-rebinding-unprotected
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => this.transports.set(id, transport),
    });
    transport.onclose = () => transport.sessionId && this.transports.delete(transport.sessionId);
    await this.options.createMcp().connect(transport);
    return transport.handleRequest(req, res, req.body);
  }

  start(): Promise<void> {
    return new Promise((resolve) => {
      this.listener = this.app.listen(this.options.port, this.options.host ?? 'localhost', () => resolve());
    });
  }

  async stop() {
    for (const transport of this.transports.values()) await transport.close();
    this.listener?.close();
  }
}

const server = new HttpMcpServer({ port: 6274, createMcp: () => new McpServer({ name: 'jira-local', version: '1.0.0' }) });
await server.start();
