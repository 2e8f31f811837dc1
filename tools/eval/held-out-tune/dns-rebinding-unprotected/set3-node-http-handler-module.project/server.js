// node:http entry point of the k8s MCP server, routing /mcp to handleMcpRequest and listening on localhost
import { createServer } from 'node:http';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { handleMcpRequest } from './mcp-handler.js';

const run = promisify(execFile);
const config = {
  kubectl: async (args) => (await run('kubectl', args)).stdout,
};

async function readBody(req) {
  let text = '';
  for await (const chunk of req) text += chunk;
  return text ? JSON.parse(text) : undefined;
}

const httpServer = createServer(async (req, res) => {
  if (new URL(req.url, 'http://localhost').pathname !== '/mcp') {
    res.statusCode = 404;
    res.end();
    return;
  }
  await handleMcpRequest(req, res, req.method === 'POST' ? await readBody(req) : undefined, config);
});

httpServer.listen(Number(process.env.PORT ?? 8931), 'localhost');
