// token-passthrough: a Hono gateway copies the incoming Authorization header onto its upstream request — SEC "The MCP server MUST NOT pass through the token it received from the MCP client."
import { Hono } from 'hono';

type Env = { Bindings: { NOTES_API: string } };

const app = new Hono<Env>();

app.post('/mcp/tools/search_notes', async (c) => {
  const callerAuth = c.req.header('Authorization');
  if (!callerAuth?.startsWith('Bearer ')) {
    return c.json({ error: 'unauthorized' }, 401, {
      'WWW-Authenticate': 'Bearer resource_metadata="https://notes-mcp.example.org/.well-known/oauth-protected-resource"',
    });
  }
  const { query } = await c.req.json<{ query: string }>();
  const upstream = await fetch(`${c.env.NOTES_API}/v2/notes/search`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      // held-out: token-passthrough
      authorization: callerAuth,
    },
    body: JSON.stringify({ q: query, limit: 20 }),
  });
  return c.json(await upstream.json());
});

export default app;
