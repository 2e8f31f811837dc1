// held-out: clean — the upstream call uses the Slack token this server obtained in its own OAuth flow, looked up by the verified user id.
// MCP server acting as an OAuth client to Slack with per-user stored tokens — AUTH: "it may act as an OAuth client to them".
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { slackTokens } from './store.js';

export function registerSlack(server: McpServer) {
  server.tool('post_message', { channel: z.string(), text: z.string() }, async ({ channel, text }, extra) => {
    const userId = extra.authInfo?.extra?.sub as string | undefined;
    if (!userId) throw new Error('unauthenticated');
    const slack = await slackTokens.get(userId);
    if (!slack) return { content: [{ type: 'text', text: 'Connect Slack first: /connect/slack' }], isError: true };
    const res = await fetch('https://slack.com/api/chat.postMessage', {
      method: 'POST',
      headers: { Authorization: `Bearer ${slack.accessToken}`, 'Content-Type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ channel, text }),
    });
    const body = (await res.json()) as { ok: boolean; error?: string };
    return { content: [{ type: 'text', text: body.ok ? 'sent' : `failed: ${body.error}` }] };
  });
}
