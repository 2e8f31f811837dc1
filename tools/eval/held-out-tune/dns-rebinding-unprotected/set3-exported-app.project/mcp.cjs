// MCP server definition (tools only) used by app.cjs
'use strict';
const { McpServer } = require('@modelcontextprotocol/sdk/server/mcp.js');
const { z } = require('zod');

function createMcpServer() {
  const server = new McpServer({ name: 'slack-mcp', version: '1.3.0' });
  server.tool('post_message', { channel: z.string(), text: z.string() }, async ({ channel, text }) => {
    const response = await fetch('https://slack.com/api/chat.postMessage', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${process.env.SLACK_BOT_TOKEN}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ channel, text }),
    });
    const data = await response.json();
    return { content: [{ type: 'text', text: data.ok ? 'sent' : `failed: ${data.error}` }] };
  });
  return server;
}

module.exports = { createMcpServer };
