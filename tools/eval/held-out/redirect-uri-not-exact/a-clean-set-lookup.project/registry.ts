// Client registry: each client's redirect URIs are kept as a Set of exact strings.
export interface RegisteredClient {
  id: string;
  name: string;
  redirectUris: ReadonlySet<string>;
}

const byId = new Map<string, RegisteredClient>([
  ['notes-web', { id: 'notes-web', name: 'Notes Web', redirectUris: new Set(['https://notes.example.com/auth/callback']) }],
]);

export function getRegisteredClient(id: string): RegisteredClient | undefined {
  return byId.get(id);
}
