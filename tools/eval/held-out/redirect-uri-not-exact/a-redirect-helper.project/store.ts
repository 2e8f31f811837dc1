// In-memory client registry and grant store used by authorize.ts.
import type { OAuthClientInformationFull } from '@modelcontextprotocol/sdk/shared/auth.js';

const clients = new Map<string, OAuthClientInformationFull>();
const pending = new Map<string, Record<string, string | undefined>>();

export const clientsStore = {
  async getClient(id: string) {
    return clients.get(id);
  },
  async registerClient(info: OAuthClientInformationFull) {
    clients.set(info.client_id, info);
    return info;
  },
};

export const grants = {
  async save(code: string, grant: Record<string, string | undefined>) {
    pending.set(code, grant);
  },
};
