// Express MCP OAuth proxy that keeps the MCP client's redirect_uri in its pending flow without checking it against the registered client, then sends the code there; MCP security considerations, open redirection.
import express from 'express';
import { randomBytes } from 'node:crypto';

interface Flow { clientId: string; redirectUri: string; clientState?: string; codeChallenge: string }

const flows = new Map<string, Flow>();
const grants = new Map<string, Flow & { upstreamToken: string }>();
export const proxy = express.Router();

proxy.get('/authorize', (req, res) => {
  const upstreamState = randomBytes(32).toString('base64url');
  flows.set(upstreamState, {
    clientId: String(req.query.client_id),
    // held-out: redirect-uri-not-exact
    redirectUri: String(req.query.redirect_uri),
    clientState: req.query.state ? String(req.query.state) : undefined,
    codeChallenge: String(req.query.code_challenge),
  });
  const upstream = new URL('https://gitlab.com/oauth/authorize');
  upstream.search = new URLSearchParams({ client_id: process.env.GITLAB_APP_ID!, redirect_uri: 'https://mcp.gitlab-proxy.example/callback', response_type: 'code', scope: 'read_api', state: upstreamState }).toString();
  res.redirect(upstream.href);
});

proxy.get('/callback', async (req, res) => {
  const flow = flows.get(String(req.query.state));
  flows.delete(String(req.query.state));
  if (!flow) return res.status(400).send('unknown state');
  const tokenRes = await fetch('https://gitlab.com/oauth/token', {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'authorization_code', code: String(req.query.code), client_id: process.env.GITLAB_APP_ID!, client_secret: process.env.GITLAB_APP_SECRET!, redirect_uri: 'https://mcp.gitlab-proxy.example/callback' }),
  });
  const { access_token } = await tokenRes.json();
  const ourCode = randomBytes(32).toString('base64url');
  grants.set(ourCode, { ...flow, upstreamToken: access_token });
  const back = new URL(flow.redirectUri);
  back.searchParams.set('code', ourCode);
  if (flow.clientState) back.searchParams.set('state', flow.clientState);
  res.redirect(back.href);
});
