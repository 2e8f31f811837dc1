// held-out: clean — OpenWeather requires its API key as the `appid` query parameter; this is not an MCP endpoint and not the MCP token.
// MCP weather tool calling a third-party API whose key lives in the query — outside the MCP token requirement.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

export function registerWeather(server) {
  server.tool('current_weather', { city: z.string() }, async ({ city }) => {
    const url = `https://api.openweathermap.org/data/2.5/weather?q=${encodeURIComponent(city)}&units=metric&appid=${process.env.OPENWEATHER_API_KEY}`;
    const res = await fetch(url);
    const data = await res.json();
    return { content: [{ type: 'text', text: `${data.name}: ${data.main.temp}°C, ${data.weather[0].description}` }] };
  });
}
