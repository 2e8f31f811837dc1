// Tool passes the verified client token to a shared header helper for the Asana API — AUTH: "MUST NOT pass through the token it received from the MCP client".
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

const ASANA = 'https://app.asana.com/api/1.0';

function asanaHeaders(bearer: string): Record<string, string> {
  return { Authorization: `Bearer ${bearer}`, Accept: 'application/json' };
}

export function registerTaskTools(server: McpServer) {
  server.tool('my_tasks', 'List my incomplete Asana tasks', { workspace: z.string() }, async ({ workspace }, { authInfo }) => {
    const res = await fetch(`${ASANA}/tasks?assignee=me&workspace=${workspace}&completed_since=now`, {
      // held-out: token-passthrough
      headers: asanaHeaders(authInfo!.token),
    });
    const body = (await res.json()) as { data: { gid: string; name: string }[] };
    return { content: [{ type: 'text' as const, text: body.data.map((task) => `- ${task.name}`).join('\n') }] };
  });
}
