// openid-client authorization URL with no state, no nonce and no PKCE challenge, and a callback that checks nothing — security best practices: state MUST be generated and validated; RFC 9700 §4.7 CSRF protection
import express from 'express';
import { Issuer, type Client } from 'openid-client';

const app = express();
let client: Client;

async function getClient(): Promise<Client> {
  if (client) return client;
  const issuer = await Issuer.discover(process.env.OIDC_ISSUER!);
  client = new issuer.Client({
    client_id: process.env.OIDC_CLIENT_ID!,
    client_secret: process.env.OIDC_CLIENT_SECRET!,
    redirect_uris: [`${process.env.BASE_URL}/oidc/callback`],
    response_types: ['code'],
  });
  return client;
}

app.get('/oidc/login', async (_req, res) => {
  const oidc = await getClient();
  // held-out: oauth-state-missing
  const url = oidc.authorizationUrl({ scope: 'openid email profile', redirect_uri: `${process.env.BASE_URL}/oidc/callback` });
  res.redirect(url);
});

app.get('/oidc/callback', async (req, res) => {
  const oidc = await getClient();
  const params = oidc.callbackParams(req);
  const tokenSet = await oidc.callback(`${process.env.BASE_URL}/oidc/callback`, params);
  const claims = tokenSet.claims();
  res.json({ sub: claims.sub, email: claims.email });
});

app.listen(3000);
