// held-out: clean — Entra on-behalf-of: the incoming token is the OBO assertion and Graph gets the token MSAL returns
// Express MCP server calling Microsoft Graph for the signed-in user via @azure/msal-node acquireTokenOnBehalfOf (MCP 2026-07-28 authorization, token handling; RFC 8693-style delegation).
import express from 'express';
import { ConfidentialClientApplication } from '@azure/msal-node';
import { Client } from '@microsoft/microsoft-graph-client';

const cca = new ConfidentialClientApplication({
  auth: {
    clientId: process.env.AZURE_CLIENT_ID!,
    authority: `https://login.microsoftonline.com/${process.env.AZURE_TENANT_ID}`,
    clientSecret: process.env.AZURE_CLIENT_SECRET!,
  },
});

const app = express();
app.use(express.json());

app.post('/mcp/tools/recent_mail', async (req, res) => {
  const incoming = req.headers.authorization?.replace(/^Bearer /, '');
  if (!incoming) return res.status(401).set('WWW-Authenticate', 'Bearer').end();

  const obo = await cca.acquireTokenOnBehalfOf({ oboAssertion: incoming, scopes: ['https://graph.microsoft.com/Mail.Read'] });
  if (!obo) return res.status(502).json({ error: 'on-behalf-of failed' });

  const graph = Client.init({ authProvider: (done) => done(null, obo.accessToken) });
  const messages = await graph.api('/me/messages').top(10).select('subject,from,receivedDateTime').get();
  res.json({ content: [{ type: 'text', text: JSON.stringify(messages.value) }] });
});

app.listen(5005);
