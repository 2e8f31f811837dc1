// dns-rebinding-unprotected: enableDnsRebindingProtection is switched on but no allowedHosts/allowedOrigins are given, so the SDK transport checks nothing — Streamable HTTP "Servers MUST validate the Origin header on all incoming connections"
import express from 'express';
import { randomUUID } from 'node:crypto';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

const server = new McpServer({ name: 'desktop-bridge', version: '1.3.0' });
const app = express();
app.use(express.json());

// held-out: dns-rebinding-unprotected
const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: () => randomUUID(), enableDnsRebindingProtection: true });
await server.connect(transport);

app.all('/mcp', (req, res) => transport.handleRequest(req, res, req.body));
app.listen(8931, 'localhost');
