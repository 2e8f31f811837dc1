// held-out: clean — the client's token is only verified; GitHub is called with the server's own token from the environment.
// MCP server behind requireBearerAuth that calls GitHub with a fixed service token — AUTH token handling (upstream token is a separate token).
import express from 'express';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { verifier } from './verifier.js';

const GITHUB_TOKEN = process.env.GITHUB_TOKEN!;
const app = express();
app.use(express.json());

const server = new McpServer({ name: 'release-notes', version: '1.2.0' });
server.tool('latest_release', 'Latest release of the product repo', async (extra) => {
  console.error(`latest_release requested by client ${extra.authInfo?.clientId}`);
  const res = await fetch('https://api.github.com/repos/acme/product/releases/latest', {
    headers: { Authorization: `Bearer ${GITHUB_TOKEN}`, Accept: 'application/vnd.github+json' },
  });
  const release = (await res.json()) as { tag_name: string; body: string };
  return { content: [{ type: 'text', text: `${release.tag_name}\n\n${release.body}` }] };
});

app.post('/mcp', requireBearerAuth({ verifier }), async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

app.listen(8080);
