// held-out: clean — the upstream token comes from the server's own client-credentials grant (simple-oauth2); the caller's token is only verified
// Express MCP server with requireBearerAuth whose tool calls a shipping API with a service token it obtains and caches itself (MCP 2026-07-28 authorization, token handling).
import express from 'express';
import { ClientCredentials, type AccessToken } from 'simple-oauth2';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { verifier } from './verifier.js';

const shippingAuth = new ClientCredentials({
  client: { id: process.env.SHIPPING_CLIENT_ID!, secret: process.env.SHIPPING_CLIENT_SECRET! },
  auth: { tokenHost: 'https://auth.shipping.example.com', tokenPath: '/oauth/token' },
});

let cached: AccessToken | undefined;
async function shippingToken(): Promise<string> {
  if (!cached || cached.expired(60)) cached = await shippingAuth.getToken({ scope: 'shipments:read' });
  return cached.token.access_token as string;
}

const app = express();
app.use(express.json());

app.post('/mcp/tools/track_parcel', requireBearerAuth({ verifier, requiredScopes: ['parcels'] }), async (req, res) => {
  const token = await shippingToken();
  const tracking = await fetch(`https://api.shipping.example.com/v1/shipments/${encodeURIComponent(req.body.arguments.trackingId)}`, {
    headers: { Authorization: `Bearer ${token}`, 'X-Customer': req.auth!.clientId },
  });
  res.set('Cache-Control', 'no-store');
  res.json({ content: [{ type: 'text', text: await tracking.text() }] });
});

app.listen(4100);
