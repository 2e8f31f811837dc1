// held-out: clean — the client's token is only the subject_token of an RFC 8693 token exchange; the upstream call carries the exchanged token
// A tool exchanges extra.authInfo.token at the authorization server for a token whose audience is the reports API, then calls the API with the new token (SEC: token passthrough; RFC 8693).
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

const TOKEN_ENDPOINT = 'https://login.example.com/oauth2/token';

async function exchangeForReportsApi(subjectToken: string): Promise<string> {
  const form = new URLSearchParams({
    grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
    subject_token: subjectToken,
    subject_token_type: 'urn:ietf:params:oauth:token-type:access_token',
    audience: 'https://reports.example.com',
    scope: 'reports.read',
  });
  const basic = Buffer.from(`${process.env.MCP_CLIENT_ID}:${process.env.MCP_CLIENT_SECRET}`).toString('base64');
  const res = await fetch(TOKEN_ENDPOINT, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${basic}` },
    body: form,
  });
  if (!res.ok) throw new Error(`token exchange failed: ${res.status}`);
  const json = (await res.json()) as { access_token: string };
  return json.access_token;
}

export function registerReportTools(server: McpServer) {
  server.registerTool('monthly_report', { inputSchema: { month: z.string() } }, async ({ month }, extra) => {
    const reportsToken = await exchangeForReportsApi(extra.authInfo!.token);
    const res = await fetch(`https://reports.example.com/v1/monthly/${month}`, {
      headers: { Authorization: `Bearer ${reportsToken}` },
    });
    return { content: [{ type: 'text', text: await res.text() }] };
  });
}
