// Express MCP server for Slack: the bearer token the MCP client sent (read by a helper in auth.ts) becomes the Slack WebClient token — MCP 2026-07-28 security considerations, token passthrough.
import express from 'express';
import { WebClient } from '@slack/web-api';
import { bearerOf } from './auth.js';

const app = express();
app.use(express.json());

app.post('/mcp/tools/post_message', async (req, res) => {
  const token = bearerOf(req);
  if (!token) return res.status(401).set('WWW-Authenticate', 'Bearer').end();

  // held-out: token-passthrough
  const slack = new WebClient(token);
  const { channel, text } = req.body.arguments as { channel: string; text: string };
  const posted = await slack.chat.postMessage({ channel, text });
  res.json({ content: [{ type: 'text', text: `posted ${posted.ts}` }] });
});

app.listen(3333);
