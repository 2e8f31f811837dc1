// held-out: clean — MCP SDK client: auth() sends an S256 challenge and finishAuth(code) redeems the code with the verifier the provider saved
// Web app acting as an MCP client, finishing the OAuth redirect through the SDK transport (MCP 2026-07-28 authorization, client PKCE).
import express from 'express';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { SessionOAuthProvider } from './session-oauth-provider.js';

const app = express();
const transports = new Map<string, StreamableHTTPClientTransport>();

app.get('/connect', async (req, res) => {
  const provider = new SessionOAuthProvider(req.sessionID, 'https://agent.example.com/oauth/callback', (url) => res.redirect(url.href));
  const transport = new StreamableHTTPClientTransport(new URL(String(req.query.server)), { authProvider: provider });
  transports.set(req.sessionID, transport);
  try {
    await new Client({ name: 'agent-web', version: '1.0.0' }).connect(transport);
    res.send('already authorized');
  } catch {
    // provider.redirectToAuthorization has sent the browser to the authorization server
  }
});

app.get('/oauth/callback', async (req, res) => {
  const transport = transports.get(req.sessionID);
  if (!transport || typeof req.query.code !== 'string') return res.status(400).send('no authorization in progress');
  await transport.finishAuth(req.query.code);
  res.redirect('/chat');
});

app.listen(3000);
