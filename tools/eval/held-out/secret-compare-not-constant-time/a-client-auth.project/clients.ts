// Registered confidential clients of the MCP authorization server (secrets provisioned out of band).
export interface ConfidentialClient {
  id: string;
  secret: string;
  scopes: string[];
}

const table: ConfidentialClient[] = JSON.parse(process.env.OAUTH_CLIENTS_JSON ?? '[]');

export function clientById(id: string): ConfidentialClient | undefined {
  return table.find((c) => c.id === id);
}
