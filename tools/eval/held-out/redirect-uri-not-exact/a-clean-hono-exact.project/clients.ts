// KV-backed client lookup for the Hono authorization server.
export interface ClientRecord {
  client_id: string;
  redirect_uris: string[];
}

export async function loadClient(kv: KVNamespace, id: string): Promise<ClientRecord | null> {
  return kv.get<ClientRecord>(`client:${id}`, 'json');
}
