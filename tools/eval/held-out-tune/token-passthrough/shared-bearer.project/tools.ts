// Express tool route that sends the client's bearer token (via auth.ts) to the Zendesk API — AUTH: "MUST NOT pass through the token it received from the MCP client".
import express from 'express';
import { bearerFrom } from './auth.js';

export const tools = express.Router();

tools.post('/tickets/search', express.json(), async (req, res) => {
  const token = bearerFrom(req);
  if (!token) return res.sendStatus(401);
  const url = `https://acme.zendesk.com/api/v2/search.json?query=${encodeURIComponent(req.body.query)}`;
  // held-out: token-passthrough
  const upstream = await fetch(url, { headers: { Authorization: 'Bearer ' + token } });
  res.status(upstream.status).json(await upstream.json());
});
