// A class wrapping express and StreamableHTTPServerTransport; start() binds the configured host (default 'localhost') and no request is checked for Origin or Host (MCP transports: "Servers MUST validate the Origin header on all incoming connections").
import express, { type Express } from 'express';
import type { Server as HttpServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

export interface HttpServerOptions {
  port: number;
  host?: string;
}

export class HttpMcpHost {
  private readonly app: Express = express();
  private readonly sessions = new Map<string, StreamableHTTPServerTransport>();
  private http?: HttpServer;

  constructor(
    private readonly createServer: () => McpServer,
    private readonly options: HttpServerOptions,
  ) {
    this.app.use(express.json());
    this.app.all('/mcp', (req, res) => void this.route(req, res));
  }

  private async route(req: express.Request, res: express.Response): Promise<void> {
    const id = req.headers['mcp-session-id'];
    const existing = typeof id === 'string' ? this.sessions.get(id) : undefined;
    if (existing) {
      await existing.handleRequest(req, res, req.body);
      return;
    }
    const transport = this.newTransport();
    await this.createServer().connect(transport);
    await transport.handleRequest(req, res, req.body);
  }

  private newTransport(): StreamableHTTPServerTransport {
    // held-out: dns-rebinding-unprotected
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (sessionId) => this.sessions.set(sessionId, transport),
    });
    transport.onclose = () => {
      if (transport.sessionId) this.sessions.delete(transport.sessionId);
    };
    return transport;
  }

  start(): Promise<void> {
    return new Promise((resolve) => {
      this.http = this.app.listen(this.options.port, this.options.host ?? 'localhost', () => resolve());
    });
  }

  stop(): void {
    this.http?.close();
  }
}

const host = new HttpMcpHost(() => new McpServer({ name: 'jira-local', version: '3.1.0' }), { port: 6277 });
await host.start();
