/**
 * Spotify: the Web API's OpenAPI description as sonallux/spotify-web-api maintains it
 * (fixed-spotify-open-api.yml, MIT): each operation lists, under `security: - oauth_2_0: [...]`,
 * the scopes Spotify's reference names for it; an empty list (or no security) needs no user scope.
 *
 * The list is what Spotify's reference calls "Authorization scopes", not an OpenAPI "all of":
 *   - most lists are alternatives, one per kind of object the call touches (a public or a private
 *     playlist: `playlist-modify-public`, `playlist-modify-private`; an album, an artist or a playlist
 *     saved through /me/library), so each scope alone allows the call;
 *   - `ugc-image-upload` is needed in addition to one of the others (uploading a playlist cover also
 *     modifies the playlist, per the reference's text);
 *   - FIELD_SCOPES only add fields to an answer the call gives without them (the profile's email,
 *     country and product; episodes' resume points): the call is allowed without them, and a set
 *     that names them is kept so the solver knows which calls they concern.
 */
import { parse } from 'yaml';
import type { ScopeMapEntry } from './format.js';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** Scopes that add fields to a response rather than allow the call (Spotify's scopes documentation). */
export const FIELD_SCOPES = new Set(['user-read-private', 'user-read-email', 'user-read-playback-position']);

/** Needed together with one of the operation's other scopes. */
const ADDITIONAL_SCOPES = new Set(['ugc-image-upload']);

interface Operation {
  operationId?: string;
  security?: Record<string, string[]>[];
}

/** The scope sets that allow one operation, from its `security` list. */
export function spotifyAnyOf(listed: readonly string[]): string[][] {
  const additional = listed.filter((scope) => ADDITIONAL_SCOPES.has(scope));
  const fields = listed.filter((scope) => FIELD_SCOPES.has(scope));
  const alternatives = listed.filter((scope) => !ADDITIONAL_SCOPES.has(scope) && !FIELD_SCOPES.has(scope));
  const base: string[][] = alternatives.length > 0 ? alternatives.map((scope) => [...additional, scope]) : [additional];
  return [...base, ...fields.flatMap((field) => base.map((set) => [...set, field]))];
}

export function spotifyEntries(openApiYaml: string): ScopeMapEntry[] {
  const document = parse(openApiYaml) as { servers?: { url: string }[]; paths?: Record<string, Record<string, Operation>> };
  const server = document.servers?.[0]?.url;
  if (!server || !/^https:\/\/api\.spotify\.com\/v1$/.test(server)) throw new Error(`the Spotify OpenAPI file names server '${server}', not https://api.spotify.com/v1: its format changed`);
  const entries: ScopeMapEntry[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const http of HTTP_METHODS) {
      const operation = item[http];
      if (!operation) continue;
      if (!operation.operationId) throw new Error(`${http.toUpperCase()} ${path} has no operationId`);
      const listed = (operation.security ?? []).flatMap((requirement) => {
        const unknown = Object.keys(requirement).filter((scheme) => scheme !== 'oauth_2_0');
        if (unknown.length > 0) throw new Error(`${operation.operationId}: unknown security scheme ${unknown.join(', ')}`);
        return requirement.oauth_2_0 ?? [];
      });
      entries.push({
        provider: 'spotify',
        api: 'web-api',
        method: operation.operationId,
        http: http.toUpperCase(),
        urlTemplate: `${server}${path}`,
        anyOf: spotifyAnyOf(listed),
      });
    }
  }
  if (entries.length === 0) throw new Error('no operation found in the Spotify OpenAPI file: its format changed');
  return entries;
}

/**
 * spotify-web-api-node (MIT): each API method of src/spotify-web-api.js builds one request,
 *
 *   getMe: function(callback) {
 *     return WebApiRequest.builder(this.getAccessToken())
 *       .withPath('/v1/me')
 *       .build()
 *       .execute(HttpManager.get, callback);
 *   },
 *
 * (or delegates: `searchTracks` returns `this.search(…)`). The path's string literals are kept and
 * its other terms stand for one segment each; the route is then the Web API operation whose
 * template it matches, and the method gets that operation's scopes. A method that can take
 * several paths (`getUserPlaylists`: /users/{id}/playlists or /me/playlists) gets the scope sets
 * of all of them, so no scope one of its routes uses is called unneeded.
 */
const NODE_METHOD = /^ {2}(\w+): function\s*\(/gm;
const NODE_VERBS: Record<string, string> = { get: 'GET', post: 'POST', put: 'PUT', del: 'DELETE' };

function nodePathTemplates(block: string): string[] {
  const expressions = [...block.matchAll(/\.withPath\(([^)]*(?:\([^)]*\)[^)]*)*)\)/g)].map((match) => match[1]!.trim());
  const resolved = expressions.flatMap((expression) => (/^[A-Za-z_]\w*$/.test(expression)
    ? [...block.matchAll(new RegExp(`\\b${expression}\\s*=\\s*([^;]+);`, 'g'))].map((match) => match[1]!.trim())
    : [expression]));
  return resolved.map((expression) => expression.split(/\s*\+\s*/).map((term) => (/^'[^']*'$/.test(term) ? term.slice(1, -1) : '{}')).join('').replace(/\/+$/, ''));
}

export function spotifyNodeEntries(clientJs: string, webApi: readonly ScopeMapEntry[]): { entries: ScopeMapEntry[]; leftOut: string[] } {
  const starts = [...clientJs.matchAll(NODE_METHOD)];
  const blocks = new Map(starts.map((match, index) => [match[1]!, clientJs.slice(match.index, starts[index + 1]?.index ?? clientJs.length)]));
  const routes = (http: string, template: string) => webApi.filter((entry) => {
    if (entry.http !== http) return false;
    const pattern = entry.urlTemplate.replace(/^https:\/\/api\.spotify\.com/, '').split(/(\{[^}]+\})/).map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
    return new RegExp(`^${pattern}$`).test(template.replace(/\{\}/g, 'x'));
  });
  const operationsOf = (name: string, depth: number): ScopeMapEntry[] | undefined => {
    const block = blocks.get(name);
    if (!block || depth > 3) return undefined;
    const verb = /\.execute\(HttpManager\.(get|post|put|del)\b/.exec(block)?.[1];
    if (verb) {
      const found = nodePathTemplates(block).map((template) => routes(NODE_VERBS[verb]!, template));
      return found.length > 0 && found.every((list) => list.length === 1) ? found.map((list) => list[0]!) : undefined;
    }
    const delegate = /return this\.(\w+)\(/.exec(block)?.[1];
    return delegate ? operationsOf(delegate, depth + 1) : undefined;
  };
  // Credential getters and setters neither make a request nor delegate to a method that does.
  const makesRequest = (name: string, depth: number): boolean => {
    const block = blocks.get(name);
    if (!block || depth > 3) return false;
    if (/\.execute\(HttpManager\./.test(block)) return true;
    const delegate = /return this\.(\w+)\(/.exec(block)?.[1];
    return delegate !== undefined && makesRequest(delegate, depth + 1);
  };
  const entries: ScopeMapEntry[] = [];
  const leftOut: string[] = [];
  for (const name of blocks.keys()) {
    if (!makesRequest(name, 0)) continue;
    const operations = operationsOf(name, 0);
    if (!operations) {
      leftOut.push(name);
      continue;
    }
    entries.push({
      provider: 'spotify',
      api: 'spotify-web-api-node',
      method: name,
      http: operations[0]!.http,
      urlTemplate: operations[0]!.urlTemplate,
      anyOf: operations.flatMap((operation) => operation.anyOf),
    });
  }
  if (entries.length === 0) throw new Error('no API method found in spotify-web-api-node\'s src/spotify-web-api.js: its format changed');
  return { entries, leftOut };
}
