/**
 * Microsoft Graph: `permissions/new/permissions.json` of microsoftgraph/microsoft-graph-devx-content
 * (MIT). Each permission lists path sets (scheme keys, HTTP methods, paths); inverted here to
 * method + path → the delegated permissions that allow it (any one suffices). Only delegated
 * schemes are kept (MCP servers act for a signed-in user), only the path roots MCP servers call,
 * and a `/users/{id}/…` path is left out when `/me/…` has the same permissions (the matcher maps
 * one onto the other).
 */
import type { ScopeMapEntry } from './format.js';

interface GraphPermissions {
  permissions: Record<string, { pathSets?: { schemeKeys: string[]; methods: string[]; paths: Record<string, string> }[] }>;
}

/** Path roots kept: the user's own data and the collaboration APIs MCP servers use. */
export const GRAPH_ROOTS: readonly string[] = [
  'me', 'users', 'drives', 'drive', 'sites', 'groups', 'teams', 'chats', 'planner', 'contacts', 'search', 'subscriptions', 'organization', 'communications', 'places', 'shares',
];

const DELEGATED = new Set(['DelegatedWork', 'DelegatedPersonal']);

export function graphEntries(json: string): ScopeMapEntry[] {
  const data = JSON.parse(json) as GraphPermissions;
  const byOperation = new Map<string, Set<string>>();
  for (const name of Object.keys(data.permissions).sort()) {
    for (const pathSet of data.permissions[name]!.pathSets ?? []) {
      if (!pathSet.schemeKeys.some((key) => DELEGATED.has(key))) continue;
      for (const path of Object.keys(pathSet.paths)) {
        const root = path.split('/')[1]?.replace(/\(.*$/, '').toLowerCase();
        if (!root || !GRAPH_ROOTS.includes(root)) continue;
        for (const http of pathSet.methods) {
          const key = `${http.toUpperCase()} ${path}`;
          const set = byOperation.get(key) ?? new Set<string>();
          set.add(name);
          byOperation.set(key, set);
        }
      }
    }
  }
  const signature = (key: string) => [...byOperation.get(key)!].sort().join(' ');
  const entries: ScopeMapEntry[] = [];
  for (const key of byOperation.keys()) {
    const space = key.indexOf(' ');
    const http = key.slice(0, space);
    const path = key.slice(space + 1);
    const asMe = path.replace(/^\/users\/\{id\}(?=\/|$)/, '/me');
    if (asMe !== path && byOperation.has(`${http} ${asMe}`) && signature(`${http} ${asMe}`) === signature(key)) continue;
    entries.push({ provider: 'microsoft', api: 'graph', method: `${http} ${path}`, http, urlTemplate: `https://graph.microsoft.com/{version}${path}`, anyOf: [...byOperation.get(key)!].map((scope) => [scope]) });
  }
  return entries;
}
