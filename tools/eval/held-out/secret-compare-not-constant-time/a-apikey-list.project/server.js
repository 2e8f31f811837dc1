// Express MCP gateway guarded by require-key.js.
import express from 'express';
import { requireKey } from './require-key.js';
import { mcpHandler } from './mcp-handler.js';

const app = express();
app.use(express.json());
app.all('/mcp', requireKey, mcpHandler);
app.listen(Number(process.env.PORT) || 3000);
