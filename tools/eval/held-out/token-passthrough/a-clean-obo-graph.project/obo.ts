// On-behalf-of exchange with MSAL: trades the incoming MCP access token for a Graph token.
import { ConfidentialClientApplication } from '@azure/msal-node';

const cca = new ConfidentialClientApplication({
  auth: {
    clientId: process.env.AZURE_CLIENT_ID!,
    authority: `https://login.microsoftonline.com/${process.env.AZURE_TENANT_ID}`,
    clientSecret: process.env.AZURE_CLIENT_SECRET!,
  },
});

export async function graphTokenFor(incomingToken: string): Promise<string> {
  const result = await cca.acquireTokenOnBehalfOf({
    oboAssertion: incomingToken,
    scopes: ['https://graph.microsoft.com/Mail.Read'],
  });
  if (!result?.accessToken) throw new Error('on-behalf-of exchange returned no token');
  return result.accessToken;
}
