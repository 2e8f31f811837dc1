/**
 * Dropbox: the generated route table of the official `dropbox` SDK (lib/routes.js, written by
 * Dropbox's Stone generator). Each SDK method makes one request, and the generator passes the
 * route's required scope as the request's last argument:
 *
 *   routes.filesListFolder = function (arg) {
 *     return this.request('files/list_folder', arg, 'user', 'api', 'rpc', 'files.metadata.read');
 *   };
 *
 * so method → route → host → scope is read straight from it. A route whose scope is null needs
 * none (app-authenticated routes such as token revocation). Every route is a POST.
 */
import type { ScopeMapEntry } from './format.js';

const ROUTE = /routes\.([A-Za-z0-9]+)\s*=\s*function\s*\([^)]*\)\s*\{\s*return this\.request\('([^']+)',\s*\w+,\s*'([^']+)',\s*'([a-z]+)',\s*'([a-z]+)',\s*(null|'([^']*)')\);/g;

export function dropboxEntries(routesJs: string): ScopeMapEntry[] {
  const entries: ScopeMapEntry[] = [];
  for (const match of routesJs.matchAll(ROUTE)) {
    const [, method, route, , host, , , scope] = match;
    entries.push({
      provider: 'dropbox',
      api: 'dropbox',
      method: method!,
      http: 'POST',
      urlTemplate: `https://${host}.dropboxapi.com/2/${route}`,
      anyOf: scope ? [[scope]] : [[]],
    });
  }
  if (entries.length === 0) throw new Error('no route found in the dropbox SDK\'s lib/routes.js: its format changed');
  return entries;
}
