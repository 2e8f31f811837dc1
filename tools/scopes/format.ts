/**
 * The one format every scope map uses, `{ provider, api, method, http, urlTemplate, anyOf }`:
 * each inner list of `anyOf` is one sufficient set of scopes (all of its members together); an
 * empty inner list means the call needs no scope at all. Serialised one entry per line.
 */
import type { ScopeMapEntry, ScopeMapFile } from '../../src/analyzer/knowledge/scope-maps/index.js';

/** The analyzer's loader owns the types, so the generator cannot drift from what it reads. */
export type { Provenance, ScopeMapEntry, ScopeMapFile } from '../../src/analyzer/knowledge/scope-maps/index.js';

function compareEntries(a: ScopeMapEntry, b: ScopeMapEntry): number {
  return (a.api < b.api ? -1 : a.api > b.api ? 1 : 0) || (a.method < b.method ? -1 : a.method > b.method ? 1 : 0) || (a.http < b.http ? -1 : a.http > b.http ? 1 : 0);
}

/** Canonical form: scopes sorted inside each set, sets deduplicated and sorted, entries sorted. */
export function normaliseEntries(entries: readonly ScopeMapEntry[]): ScopeMapEntry[] {
  const seen = new Set<string>();
  const result: ScopeMapEntry[] = [];
  for (const entry of entries) {
    const sets = [...new Map(entry.anyOf.map((set) => {
      const sorted = [...new Set(set)].sort();
      return [sorted.join(' '), sorted] as const;
    })).values()].sort((a, b) => a.length - b.length || (a.join(' ') < b.join(' ') ? -1 : a.join(' ') > b.join(' ') ? 1 : 0));
    const normal = { provider: entry.provider, api: entry.api, method: entry.method, http: entry.http, urlTemplate: entry.urlTemplate, anyOf: sets };
    const key = `${normal.api}\u0000${normal.method}\u0000${normal.http}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(normal);
  }
  return result.sort(compareEntries);
}

/** One entry per line, so diffs of a regenerated map stay readable; byte-identical for the same input. */
export function serialiseScopeMap(file: ScopeMapFile): string {
  const lines = normaliseEntries(file.entries).map((entry) => `    ${JSON.stringify(entry)}`);
  return `{\n  "provenance": ${JSON.stringify(file.provenance, null, 2).replace(/\n/g, '\n  ')},\n  "entries": [\n${lines.join(',\n')}\n  ]\n}\n`;
}
