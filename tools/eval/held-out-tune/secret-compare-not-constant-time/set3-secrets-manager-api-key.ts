// MCP server on AWS Lambda (function URL) fetching its API key from Secrets Manager and comparing the presented x-api-key with it by === (CWE-208)
import { SecretsManagerClient, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';

const secrets = new SecretsManagerClient({});
let cachedKey: string | undefined;

async function expectedApiKey(): Promise<string> {
  if (!cachedKey) {
    const out = await secrets.send(new GetSecretValueCommand({ SecretId: process.env.API_KEY_SECRET_ARN }));
    cachedKey = JSON.parse(out.SecretString ?? '{}').apiKey as string;
  }
  return cachedKey;
}

async function isAuthorized(event: APIGatewayProxyEventV2): Promise<boolean> {
  const provided = event.headers['x-api-key'];
  if (!provided) return false;
  const apiKey = await expectedApiKey();
  // held-out: secret-compare-not-constant-time
  return provided === apiKey;
}

export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> {
  if (!(await isAuthorized(event))) {
    return { statusCode: 401, body: JSON.stringify({ error: 'unauthorized' }) };
  }
  const rpc = JSON.parse(event.body ?? '{}') as { id: number; method: string };
  const result =
    rpc.method === 'tools/list'
      ? { tools: [{ name: 'lookup_order', inputSchema: { type: 'object', properties: { id: { type: 'string' } } } }] }
      : { content: [{ type: 'text', text: 'order found' }] };
  return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: rpc.id, result }) };
}
