// Express MCP server protected by the SDK's requireBearerAuth; each request runs inside the auth context that jira.ts reads.
import express from 'express';
import { z } from 'zod';
import { createMcpExpressApp } from '@modelcontextprotocol/sdk/server/express.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { requestAuth } from './context.js';
import { searchIssues } from './jira.js';
import { verifier } from './verifier.js';

const app = createMcpExpressApp();
app.use(express.json());

const mcp = new McpServer({ name: 'jira-mcp', version: '0.9.0' });
mcp.tool('search_issues', { jql: z.string() }, async ({ jql }) => ({
  content: [{ type: 'text', text: JSON.stringify(await searchIssues(jql)) }],
}));

app.post(
  '/mcp',
  requireBearerAuth({ verifier, requiredScopes: ['jira.read'] }),
  (req, res) => {
    requestAuth.run(req.auth!, async () => {
      const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
      await mcp.connect(transport);
      await transport.handleRequest(req, res, req.body);
    });
  },
);

app.listen(3000);
