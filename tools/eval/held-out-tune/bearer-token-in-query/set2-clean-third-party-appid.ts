// held-out: clean — the key goes in the query of OpenWeather's own API, which requires it there; it is not an MCP endpoint and not the MCP client's token
// stdio MCP weather tool calling a third-party REST API (the MCP query-string rule governs tokens sent to MCP servers).
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { z } from 'zod';

const OPENWEATHER_KEY = process.env.OPENWEATHER_API_KEY ?? '';
const server = new McpServer({ name: 'weather', version: '1.0.0' });

server.tool('current_weather', { city: z.string() }, async ({ city }) => {
  const url = new URL('https://api.openweathermap.org/data/2.5/weather');
  url.searchParams.set('q', city);
  url.searchParams.set('units', 'metric');
  url.searchParams.set('appid', OPENWEATHER_KEY);
  const response = await fetch(url);
  if (!response.ok) return { content: [{ type: 'text', text: `weather lookup failed (${response.status})` }], isError: true };
  const data = (await response.json()) as { main: { temp: number }; weather: { description: string }[] };
  return { content: [{ type: 'text', text: `${city}: ${data.main.temp}°C, ${data.weather[0]?.description}` }] };
});

await server.connect(new StdioServerTransport());
