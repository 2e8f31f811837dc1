// held-out: clean — the upstream call uses the server's own API key; the caller's token is only verified, and only its subject is forwarded as data
// Express MCP endpoint behind requireBearerAuth; the weather tool calls the vendor API with WEATHER_API_KEY and passes the user id from authInfo.extra (SEC: token passthrough).
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { z } from 'zod';
import { verifier } from './verifier.js';

const WEATHER_API_KEY = process.env.WEATHER_API_KEY!;
const server = new McpServer({ name: 'weather', version: '1.1.0' });

server.registerTool('forecast', { inputSchema: { city: z.string() } }, async ({ city }, extra) => {
  const userId = String(extra.authInfo?.extra?.sub ?? 'anonymous');
  const res = await fetch(`https://api.weather-vendor.example/v3/forecast?city=${encodeURIComponent(city)}`, {
    headers: {
      Authorization: `Bearer ${WEATHER_API_KEY}`,
      'X-End-User': userId,
    },
  });
  return { content: [{ type: 'text', text: await res.text() }] };
});

const app = express();
app.use(express.json());
app.post('/mcp', requireBearerAuth({ verifier, expectedResource: new URL('https://weather.example.com/mcp') }), async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(8080);
