// node:http callback of an MCP server's upstream (Zoom) OAuth flow: the state is decoded as a return address and never compared with anything before the code is redeemed — MCP 2026-07-28 security best practices: "Reject any callback requests where the state parameter is missing or does not match".
import http from 'node:http';
import { saveZoomGrant } from './grants.mjs';

const basic = Buffer.from(`${process.env.ZOOM_CLIENT_ID}:${process.env.ZOOM_CLIENT_SECRET}`).toString('base64');

http
  .createServer(async (req, res) => {
    const url = new URL(req.url, 'https://zoom-mcp.example.com');
    if (url.pathname !== '/zoom/callback') {
      res.writeHead(404).end();
      return;
    }
    const { returnTo, userId } = JSON.parse(Buffer.from(url.searchParams.get('state') ?? 'e30', 'base64url').toString());
    // held-out: oauth-state-missing
    const tokenRes = await fetch('https://zoom.us/oauth/token', {
      method: 'POST',
      headers: { Authorization: `Basic ${basic}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code: url.searchParams.get('code') ?? '', redirect_uri: 'https://zoom-mcp.example.com/zoom/callback' }),
    });
    await saveZoomGrant(userId, await tokenRes.json());
    res.writeHead(302, { Location: returnTo ?? '/' }).end();
  })
  .listen(8080);
