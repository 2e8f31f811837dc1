// Jira helper of an MCP server: reads the token the MCP client presented (via the request context) and sends it to Jira — spec (security considerations): "The MCP server MUST NOT pass through the token it received from the MCP client."
import { currentAuth } from './context.js';

const JIRA_BASE = process.env.JIRA_BASE ?? 'https://acme.atlassian.net';

export async function searchIssues(jql: string): Promise<unknown> {
  const { token: presented } = currentAuth();
  const response = await fetch(`${JIRA_BASE}/rest/api/3/search`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      // held-out: token-passthrough
      Authorization: `Bearer ${presented}`,
    },
    body: JSON.stringify({ jql, maxResults: 25 }),
  });
  if (!response.ok) throw new Error(`jira search failed: ${response.status}`);
  return response.json();
}
