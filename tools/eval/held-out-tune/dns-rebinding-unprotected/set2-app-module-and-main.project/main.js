// Process entry: starts the app from app.js on 0.0.0.0.
import { createApp } from './app.js';

const port = Number(process.env.PORT ?? 8899);
createApp().listen(port, '0.0.0.0', () => {
  console.log(`jupyter-runner MCP ready on http://0.0.0.0:${port}/mcp`);
});
