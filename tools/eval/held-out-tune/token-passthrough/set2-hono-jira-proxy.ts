// Hono MCP endpoint that relays the client's Authorization header to Jira Cloud for a tool call — MCP 2026-07-28 security considerations, token passthrough.
import { Hono } from 'hono';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

type Env = { Bindings: { JIRA_SITE: string } };

const app = new Hono<Env>();

async function jiraGet(site: string, path: string, authorization: string) {
  const res = await fetch(`https://${site}.atlassian.net/rest/api/3${path}`, {
    headers: { authorization, accept: 'application/json' },
  });
  if (!res.ok) throw new Error(`jira ${res.status}`);
  return res.json();
}

app.post('/mcp', async (c) => {
  const auth = c.req.header('Authorization');
  if (!auth?.toLowerCase().startsWith('bearer ')) {
    return c.json({ error: 'unauthorized' }, 401, { 'WWW-Authenticate': 'Bearer resource_metadata="/.well-known/oauth-protected-resource"' });
  }

  const server = new McpServer({ name: 'jira', version: '1.0.0' });
  server.registerTool(
    'get_issue',
    { description: 'Fetch one Jira issue', inputSchema: { key: z.string() } },
    async ({ key }) => {
      // held-out: token-passthrough
      const issue = await jiraGet(c.env.JIRA_SITE, `/issue/${encodeURIComponent(key)}`, auth);
      return { content: [{ type: 'text', text: JSON.stringify(issue) }] };
    },
  );

  const { handleHonoRequest } = await import('./transport.js');
  return handleHonoRequest(server, c);
});

export default app;
