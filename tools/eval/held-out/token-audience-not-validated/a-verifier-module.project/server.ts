// token-audience-not-validated: requireBearerAuth is fed by verify.ts, which checks the HS256 signature and expiry only — AUTH "MCP servers MUST validate that access tokens were issued specifically for them as the intended audience."
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { hsVerifier } from './verify.js';

const mcp = new McpServer({ name: 'kb-search', version: '1.0.0' });
const app = express();
app.use(express.json());

app.all(
  '/mcp',
  requireBearerAuth({ verifier: hsVerifier, resourceMetadataUrl: 'https://kb.example.com/.well-known/oauth-protected-resource' }),
  async (req, res) => {
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    await mcp.connect(transport);
    await transport.handleRequest(req, res, req.body);
  },
);

app.listen(3000);
