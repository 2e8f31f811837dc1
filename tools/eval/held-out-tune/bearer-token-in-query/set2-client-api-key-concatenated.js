// CLI that connects to a hosted MCP server by concatenating its API key into the endpoint URL (MCP authorization: "Access tokens MUST NOT be included in the URI query string"; the key ends up in proxy and server logs).
const { Client } = require('@modelcontextprotocol/sdk/client/index.js');
const { StreamableHTTPClientTransport } = require('@modelcontextprotocol/sdk/client/streamableHttp.js');

const MCP_BASE = process.env.MCP_BASE || 'https://mcp.searchco.example';

async function main() {
  const apiKey = process.env.SEARCHCO_API_KEY;
  if (!apiKey) {
    console.error('SEARCHCO_API_KEY is not set');
    process.exit(1);
  }
  // held-out: bearer-token-in-query
  const endpoint = MCP_BASE + '/mcp?api_key=' + apiKey;
  const client = new Client({ name: 'searchco-cli', version: '0.1.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(endpoint)));
  const tools = await client.listTools();
  console.log(tools.tools.map((t) => t.name).join('\n'));
  await client.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
