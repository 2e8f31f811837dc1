// MCP aggregator that connects to a downstream MCP server re-using the bearer header of the incoming request — AUTH: "MCP servers MUST NOT accept or transit any other tokens" / no passthrough.
import type { Request, Response } from 'express';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const DOWNSTREAM = new URL(process.env.DOWNSTREAM_MCP_URL ?? 'https://tools.internal.example/mcp');

export async function listDownstreamTools(req: Request, res: Response): Promise<void> {
  const client = new Client({ name: 'aggregator', version: '0.9.0' });
  const transport = new StreamableHTTPClientTransport(DOWNSTREAM, {
    requestInit: {
      // held-out: token-passthrough
      headers: { Authorization: req.headers.authorization ?? '' },
    },
  });
  await client.connect(transport);
  try {
    const { tools } = await client.listTools();
    res.json(tools.map((tool) => ({ name: `downstream.${tool.name}`, description: tool.description })));
  } finally {
    await client.close();
  }
}
