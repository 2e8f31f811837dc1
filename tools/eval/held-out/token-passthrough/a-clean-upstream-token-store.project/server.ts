// held-out: clean — the upstream Dropbox call uses the server's own stored upstream token for the user, looked up by the verified subject, never the MCP token
// The MCP token is verified by requireBearerAuth; the handler maps authInfo.extra.sub to the Dropbox token this server obtained in its own OAuth flow (SEC: token passthrough, third-party authorization).
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { z } from 'zod';
import { upstreamTokens } from './store.js';
import { verifier } from './verifier.js';

const mcp = new McpServer({ name: 'dropbox-mcp', version: '0.4.0' });

mcp.registerTool('list_folder', { inputSchema: { path: z.string().default('') } }, async ({ path }, extra) => {
  const subject = String(extra.authInfo?.extra?.sub);
  const dropboxToken = await upstreamTokens.get(subject);
  if (!dropboxToken) {
    return { isError: true, content: [{ type: 'text', text: 'Connect Dropbox first at /connect/dropbox' }] };
  }
  const res = await fetch('https://api.dropboxapi.com/2/files/list_folder', {
    method: 'POST',
    headers: { Authorization: `Bearer ${dropboxToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ path }),
  });
  return { content: [{ type: 'text', text: await res.text() }] };
});

const app = express();
app.use(express.json());
app.post('/mcp', requireBearerAuth({ verifier }), async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await mcp.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(8787);
