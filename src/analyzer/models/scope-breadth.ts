/**
 * How broad one requested scope is, without the calls: the catalogue of broad scopes first, then the
 * known narrow ones, then the generic words ('admin', 'write', 'delete', '*', 'all', 'full') for scopes
 * of unknown providers. broad-scope falls back on it when the tools' calls cannot decide.
 */
import { BROAD_SCOPES, GENERIC_BROAD_WORDS, KNOWN_NARROW_SCOPES, SCOPE_PREFIXES, type BroadScope, type ScopeProvider } from '../knowledge/scopes.js';

/** What the catalogue and the heuristics say about one scope. */
export type ScopeVerdict =
  | { kind: 'catalogued'; entry: BroadScope; grants: string; narrower: string[] }
  | { kind: 'generic'; breadth: string }
  | { kind: 'narrow' };

/**
 * Looks a scope up: the catalogue of broad scopes first, then the known narrow ones, then the
 * generic words ('admin', 'write', 'delete', '*', 'all', 'full') for scopes of unknown providers.
 */
export function classifyScope(rawScope: string, provider?: ScopeProvider): ScopeVerdict | undefined {
  let scope = rawScope;
  let scopeProvider = provider;
  for (const entry of SCOPE_PREFIXES) {
    if (scope.toLowerCase().startsWith(entry.prefix) && scope.length > entry.prefix.length) {
      scope = scope.slice(entry.prefix.length);
      scopeProvider = entry.provider;
    }
  }
  for (const entry of BROAD_SCOPES) {
    if (entry.requiresProvider ? scopeProvider !== entry.provider : scopeProvider !== undefined && scopeProvider !== entry.provider) continue;
    const caseless = entry.provider === 'microsoft';
    if (typeof entry.scope === 'string') {
      if (caseless ? entry.scope.toLowerCase() !== scope.toLowerCase() : entry.scope !== scope) continue;
      return { kind: 'catalogued', entry, grants: entry.grants, narrower: entry.narrower };
    }
    const match = entry.scope.exec(scope);
    if (!match) continue;
    const fill = (text: string): string => text.replace(/\$1/g, match[1] ?? '');
    return { kind: 'catalogued', entry, grants: fill(entry.grants), narrower: entry.narrower.map(fill) };
  }
  if (KNOWN_NARROW_SCOPES.some((entry) => (typeof entry.scope === 'string' ? entry.scope === scope : entry.scope.test(scope)))) return { kind: 'narrow' };
  const words = scope
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9*]+/)
    .flatMap((word) => (word.includes('*') ? ['*'] : [word.toLowerCase()]))
    .filter(Boolean);
  if (scope.replace(/([a-z])([A-Z])/g, '$1$2').toLowerCase().includes('readwrite')) words.push('readwrite');
  let broadWords = words.filter((word) => GENERIC_BROAD_WORDS[word]);
  if (broadWords.length === 0) return undefined;
  // 'read:confluence-content.all' reads every item of one resource: read-only, not a catch-all ('read:all' still is).
  const readOnly = words.some((word) => READ_ONLY_WORDS.has(word));
  const resource = words.filter((word) => !READ_ONLY_WORDS.has(word) && !GENERIC_BROAD_WORDS[word] && !SCOPE_QUALIFIER_WORDS.has(word));
  if (readOnly && resource.length > 0 && broadWords.every((word) => word === 'all')) return undefined;
  // 'contacts.write', 'projects:delete', 'apps-write': one action on one named resource is the granular form a
  // provider offers, not a broad grant; a bare 'write' (the whole API) still is.
  if (resource.length > 0) broadWords = broadWords.filter((word) => !RESOURCE_BOUND_WORDS.has(word));
  // 'r:devices:*', 'x:locations:*' (SmartThings' grammar): the action is named and the wildcard picks every
  // instance of one resource, the provider's normal grant; 'files:*' (every action) still is broad.
  const actionFirst = SCOPE_ACTION_WORDS.has(words[0] ?? '') && words.length >= 3 && words[words.length - 1] === '*';
  if (actionFirst && words.slice(1, -1).some((word) => !GENERIC_BROAD_WORDS[word] && !SCOPE_QUALIFIER_WORDS.has(word))) {
    broadWords = broadWords.filter((word) => word !== '*');
  }
  if (broadWords.length === 0) return undefined;
  return { kind: 'generic', breadth: GENERIC_BROAD_WORDS[broadWords[0]!]! };
}

/** Actions that only read, so 'all' in the same scope widens reading, not writing. */
const READ_ONLY_WORDS = new Set(['read', 'readonly', 'view', 'list', 'get']);

/** Single actions a scope can name before its resource (`r:devices:*`, `read:files:*`). */
const SCOPE_ACTION_WORDS = new Set(['r', 'w', 'x', 'l', 'i', 'read', 'write', 'execute', 'exec', 'list', 'view', 'get', 'create', 'update', 'readonly']);

/** Broad words that name an action; next to a resource word they are scoped to that resource. */
const RESOURCE_BOUND_WORDS = new Set(['write', 'readwrite', 'delete']);

/** Words that only qualify a scope's name (URN and URL parts), not a resource. */
const SCOPE_QUALIFIER_WORDS = new Set(['urn', 'scope', 'scopes', 'https', 'http', 'www', 'com']);
