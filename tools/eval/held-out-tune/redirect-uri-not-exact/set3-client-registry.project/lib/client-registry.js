// Client registry of an MCP authorization server whose redirect check compares hosts only — security considerations: "Authorization servers MUST validate exact redirect URIs against pre-registered values"
export class ClientRegistry {
  constructor(storage) {
    this.storage = storage;
  }

  async register(metadata) {
    const clientId = crypto.randomUUID();
    const record = { client_id: clientId, redirect_uris: metadata.redirect_uris ?? [], client_name: metadata.client_name };
    await this.storage.put(`client:${clientId}`, JSON.stringify(record));
    return record;
  }

  async get(clientId) {
    const raw = await this.storage.get(`client:${clientId}`);
    return raw ? JSON.parse(raw) : null;
  }

  async matchesRedirect(clientId, requestedUri) {
    const client = await this.get(clientId);
    if (!client) return false;
    const requestedHost = new URL(requestedUri).host;
    // held-out: redirect-uri-not-exact
    return client.redirect_uris.some((uri) => new URL(uri).host === requestedHost);
  }
}
