// held-out: clean — Entra on-behalf-of flow: the incoming token is the assertion, Graph gets the new token MSAL returns.
// Express MCP tool calling Microsoft Graph with an OBO token — AUTH token handling (separate upstream token).
import express from 'express';
import { ConfidentialClientApplication } from '@azure/msal-node';

const cca = new ConfidentialClientApplication({
  auth: { clientId: process.env.AZURE_CLIENT_ID!, authority: `https://login.microsoftonline.com/${process.env.AZURE_TENANT_ID}`, clientSecret: process.env.AZURE_CLIENT_SECRET! },
});

export const mail = express.Router();

mail.get('/mcp/tools/unread', async (req, res) => {
  const incoming = req.headers.authorization?.split(' ')[1];
  if (!incoming) return res.sendStatus(401);
  const obo = await cca.acquireTokenOnBehalfOf({ oboAssertion: incoming, scopes: ['https://graph.microsoft.com/Mail.Read'] });
  if (!obo) return res.sendStatus(502);
  const graph = await fetch('https://graph.microsoft.com/v1.0/me/mailFolders/inbox/messages?$filter=isRead eq false&$top=10', {
    headers: { Authorization: `Bearer ${obo.accessToken}` },
  });
  res.json(await graph.json());
});
