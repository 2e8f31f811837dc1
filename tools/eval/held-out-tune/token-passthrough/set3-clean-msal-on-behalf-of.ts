// held-out: clean — Microsoft Graph is called with a token from MSAL's on-behalf-of flow; the MCP token is only the OBO assertion sent to Entra ID
// Express MCP server for Outlook mail using @azure/msal-node (SEC, token passthrough: the upstream token is "a separate token, issued by the upstream authorization server")
import express from 'express';
import { ConfidentialClientApplication } from '@azure/msal-node';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { entraVerifier } from './entra-verifier.js';

const msal = new ConfidentialClientApplication({
  auth: {
    clientId: process.env.AZURE_CLIENT_ID!,
    authority: `https://login.microsoftonline.com/${process.env.AZURE_TENANT_ID}`,
    clientSecret: process.env.AZURE_CLIENT_SECRET!,
  },
});

async function graphTokenFor(mcpToken: string): Promise<string> {
  const result = await msal.acquireTokenOnBehalfOf({ oboAssertion: mcpToken, scopes: ['https://graph.microsoft.com/Mail.Read'] });
  if (!result?.accessToken) throw new Error('on-behalf-of exchange returned no token');
  return result.accessToken;
}

const app = express();
app.use(express.json());
app.post('/mcp', requireBearerAuth({ verifier: entraVerifier }), async (req, res) => {
  const server = new McpServer({ name: 'outlook', version: '0.3.0' });
  server.tool('unread_mail', 'Unread messages in the inbox', async (extra) => {
    const graphToken = await graphTokenFor(extra.authInfo!.token);
    const r = await fetch('https://graph.microsoft.com/v1.0/me/mailFolders/inbox/messages?$filter=isRead eq false&$top=10', {
      headers: { Authorization: `Bearer ${graphToken}` },
    });
    const { value } = (await r.json()) as { value: Array<{ subject: string }> };
    return { content: [{ type: 'text', text: value.map((m) => m.subject).join('\n') }] };
  });
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000);
