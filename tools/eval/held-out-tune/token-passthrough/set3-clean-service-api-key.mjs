// held-out: clean — the caller's token is only verified; the weather API is called with the server's own API key from the environment
// ESM express MCP server with SDK bearer auth and a server-owned upstream credential
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { z } from 'zod';
import { verifier } from './verifier.mjs';

const WEATHER_API_KEY = process.env.WEATHER_API_KEY;

async function forecast(city) {
  const res = await fetch(`https://api.weather.example.com/v1/forecast?city=${encodeURIComponent(city)}`, {
    headers: { Authorization: `Bearer ${WEATHER_API_KEY}`, Accept: 'application/json' },
  });
  return res.json();
}

const app = express();
app.use(express.json());
app.post('/mcp', requireBearerAuth({ verifier, requiredScopes: ['weather'] }), async (req, res) => {
  const server = new McpServer({ name: 'weather', version: '1.1.0' });
  server.tool('forecast', 'Three-day forecast', { city: z.string() }, async ({ city }, extra) => {
    const data = await forecast(city);
    return { content: [{ type: 'text', text: `${extra.authInfo?.clientId ?? 'client'} asked: ${JSON.stringify(data)}` }] };
  });
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(3000);
