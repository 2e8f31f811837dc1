// MCP client entry: loads saved tokens and connects to the URL built by endpoint.ts.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { readFile } from 'node:fs/promises';
import type { OAuthTokens } from '@modelcontextprotocol/sdk/shared/auth.js';
import { mcpEndpoint } from './endpoint.js';

const saved = JSON.parse(await readFile(`${process.env.HOME}/.config/mcp-cli/tokens.json`, 'utf8')) as OAuthTokens;
const transport = new StreamableHTTPClientTransport(mcpEndpoint('https://tools.example.com', saved));
const client = new Client({ name: 'mcp-cli', version: '1.2.0' });
await client.connect(transport);
console.log(await client.listTools());
