// dns-rebinding-unprotected: plain express() app on localhost mounting mcp-route.ts, whose transports have no Host/Origin validation — Streamable HTTP "Servers MUST validate the Origin header on all incoming connections"; "When running locally, servers SHOULD bind only to localhost"
import express from 'express';
import { mcpRouter } from './mcp-route.js';

const app = express();
app.use(express.json({ limit: '4mb' }));
app.use('/mcp', mcpRouter);
app.get('/healthz', (_req, res) => res.send('ok'));

const port = Number(process.env.MCP_PORT ?? 39300);
app.listen(port, 'localhost', () => console.error(`figma-bridge MCP listening on http://localhost:${port}/mcp`));
