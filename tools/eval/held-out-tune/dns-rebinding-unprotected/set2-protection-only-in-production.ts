// DNS rebinding protection switched on only when NODE_ENV is 'production', so the developer's local run, the case rebinding targets, has none (MCP transports: "Servers MUST validate the Origin header on all incoming connections").
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { registerKubectlTools } from './kubectl.js';

const isProd = process.env.NODE_ENV === 'production';
const port = Number(process.env.PORT) || 8080;

const app = express();
app.use(express.json());

app.post('/mcp', async (req, res) => {
  const server = new McpServer({ name: 'kube-assistant', version: '1.4.0' });
  registerKubectlTools(server);
  const transport = new StreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    // held-out: dns-rebinding-unprotected
    enableDnsRebindingProtection: isProd,
    allowedHosts: isProd ? ['kube-assistant.corp.example'] : undefined,
  });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(port, () => console.log(`kube-assistant (${isProd ? 'prod' : 'dev'}) on :${port}`));
