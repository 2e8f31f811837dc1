// Entry point of the CLI MCP client.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { makeTransport } from './transport.js';

const client = new Client({ name: 'tenant-cli', version: '0.2.0' });
await client.connect(await makeTransport('https://mcp.example.com', process.argv[2] ?? 'acme'));
console.log(JSON.stringify(await client.listTools(), null, 2));
