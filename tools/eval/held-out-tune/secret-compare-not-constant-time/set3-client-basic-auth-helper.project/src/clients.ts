// Registered confidential clients, loaded from a JSON file at start-up
import { readFileSync } from 'node:fs';

export interface ConfidentialClient {
  clientId: string;
  clientSecret: string;
  defaultScope: string;
}

const registry: ConfidentialClient[] = JSON.parse(readFileSync(process.env.CLIENTS_FILE ?? './clients.json', 'utf8'));

export async function findClient(clientId: string): Promise<ConfidentialClient | undefined> {
  return registry.find((client) => client.clientId === clientId);
}
