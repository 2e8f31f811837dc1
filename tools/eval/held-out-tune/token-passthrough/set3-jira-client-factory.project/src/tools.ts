// Jira MCP tools: each call builds the Jira client from the MCP request's own bearer token (SEC, token passthrough: "The access token used at the upstream API is a separate token, issued by the upstream authorization server"); the client factory is in jira.ts
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { createJiraClient } from './jira.js';

const CLOUD_ID = process.env.ATLASSIAN_CLOUD_ID!;

function jiraFor(authInfo?: AuthInfo) {
  if (!authInfo) throw new Error('unauthenticated');
  // held-out: token-passthrough
  return createJiraClient(CLOUD_ID, authInfo.token);
}

export function registerJiraTools(server: McpServer) {
  server.tool('search_issues', 'Search with JQL', { jql: z.string() }, async ({ jql }, { authInfo }) => {
    const { issues } = await jiraFor(authInfo).search(jql);
    return { content: [{ type: 'text', text: issues.map((i) => `${i.key} [${i.fields.status.name}] ${i.fields.summary}`).join('\n') }] };
  });
  server.tool('add_comment', 'Comment on an issue', { key: z.string(), text: z.string() }, async ({ key, text }, { authInfo }) => {
    await jiraFor(authInfo).comment(key, text);
    return { content: [{ type: 'text', text: `commented on ${key}` }] };
  });
}
