import { oauthRequestVisitors, locateScopeLiteral, splitScopes, type OAuthRequest } from '../engine/oauth-requests.js';
import {
  BROAD_SCOPES,
  GENERIC_BROAD_WORDS,
  KNOWN_NARROW_SCOPES,
  SCOPE_PREFIXES,
  type BroadScope,
  type ScopeProvider,
} from '../knowledge/scopes.js';
import type { ts } from './define.js';
import { defineRule } from './define.js';

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
  for (const word of words) {
    const breadth = GENERIC_BROAD_WORDS[word];
    if (breadth) return { kind: 'generic', breadth };
  }
  return undefined;
}

/** The provider a request goes to: its endpoint or library, else the provider its distinctive scopes belong to. */
function providerOf(request: OAuthRequest, scopes: string[]): ScopeProvider | undefined {
  if (request.provider) return request.provider;
  for (const scope of scopes) {
    const verdict = classifyScope(scope);
    if (verdict?.kind === 'catalogued') return verdict.entry.provider;
    const narrow = KNOWN_NARROW_SCOPES.find((entry) => entry.provider !== 'oidc' && (typeof entry.scope === 'string' ? entry.scope === scope : entry.scope.test(scope)));
    if (narrow && narrow.provider !== 'oidc') return narrow.provider;
  }
  return undefined;
}

function quoteList(scopes: string[]): string {
  const quoted = scopes.map((scope) => `'${scope}'`);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

export const broadScope = defineRule({
  meta: {
    id: 'broad-scope',
    description: 'An OAuth authorization request asks for a scope broader than the tools need.',
    defaultSeverity: 'error',
    cwe: ['CWE-250', 'CWE-272'],
    securitySeverity: '6.5',
    precision: 'high',
    messages: {
      catalogued: "Scope '{{scope}}' {{grants}}; {{advice}}.",
      generic: "Scope '{{scope}}' asks for {{breadth}}; request only the narrower scopes the tools use, or list it under 'allowed_scopes' with a reason.",
    },
  },
  create(context) {
    return oauthRequestVisitors(context, (requests) => {
      const allowed = new Set(context.config.allowedScopes.map((entry) => entry.scope.toLowerCase()));
      const reported = new Set<string>();
      for (const request of requests) {
        const scopeLists = request.scopes.map((value) => ({ value, scopes: value.values.flatMap((text) => splitScopes(text, value.encoded)) }));
        const provider = providerOf(request, scopeLists.flatMap((list) => list.scopes));
        for (const { value, scopes } of scopeLists) {
          for (const scope of new Set(scopes)) {
            if (allowed.has(scope.toLowerCase())) continue;
            const verdict = classifyScope(scope, provider);
            if (!verdict || verdict.kind === 'narrow') continue;
            const node: ts.Node = locateScopeLiteral(context.values, value.roots, scope) ?? value.fallback;
            const key = `${scope}\u0000${node.pos}`;
            if (reported.has(key)) continue;
            reported.add(key);
            if (verdict.kind === 'catalogued') {
              const advice = verdict.narrower.length
                ? `request ${quoteList(verdict.narrower)} if ${verdict.entry.when}`
                : `drop it unless ${verdict.entry.when}`;
              context.report({ node, messageId: 'catalogued', data: { scope, grants: verdict.grants, advice } });
            } else {
              context.report({ node, messageId: 'generic', data: { scope, breadth: verdict.breadth }, severity: 'warning' });
            }
          }
        }
      }
    });
  },
});
