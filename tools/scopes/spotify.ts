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
