// Process entry point that listens with the app from app.cjs on the configured port (all interfaces by default)
'use strict';
const { createApp } = require('./app.cjs');

const port = Number(process.env.PORT) || 3333;
const app = createApp();

const server = app.listen(port, () => {
  console.log(`Slack MCP SSE server listening on port ${port}`);
});

process.on('SIGINT', () => {
  server.close(() => process.exit(0));
});

process.on('SIGTERM', () => {
  server.close(() => process.exit(0));
});

process.on('unhandledRejection', (reason) => {
  console.error('unhandled rejection', reason);
});
