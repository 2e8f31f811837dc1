// Request context for an Express MCP server: stores the verified bearer-auth result of each request in AsyncLocalStorage so helpers can read it.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';

export const requestAuth = new AsyncLocalStorage<AuthInfo>();

export function currentAuth(): AuthInfo {
  const auth = requestAuth.getStore();
  if (!auth) throw new Error('no auth context');
  return auth;
}
