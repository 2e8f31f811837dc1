import { OAUTH_REQUEST_TEXT } from '../knowledge/prefilter.js';
import { oauthRequestVisitors, locateScopeLiteral, splitScopes, type OAuthRequest } from '../models/oauth-client.js';
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
  const broadWords = words.filter((word) => GENERIC_BROAD_WORDS[word]);
  if (broadWords.length === 0) return undefined;
  // 'read:confluence-content.all' reads every item of one resource: read-only, not a catch-all ('read:all' still is).
  const readOnly = words.some((word) => READ_ONLY_WORDS.has(word));
  const resource = words.filter((word) => !READ_ONLY_WORDS.has(word) && !GENERIC_BROAD_WORDS[word]);
  if (readOnly && resource.length > 0 && broadWords.every((word) => word === 'all')) return undefined;
  return { kind: 'generic', breadth: GENERIC_BROAD_WORDS[broadWords[0]!]! };
}

/** Actions that only read, so 'all' in the same scope widens reading, not writing. */
const READ_ONLY_WORDS = new Set(['read', 'readonly', 'view', 'list', 'get']);

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

function quoteList(scopes: string[], conjunction: 'or' | 'and' = 'or'): string {
  const quoted = scopes.map((scope) => `'${scope}'`);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} ${conjunction} ${quoted[quoted.length - 1]}`;
}

export const broadScope = defineRule({
  meta: {
    id: 'broad-scope',
    description: 'An OAuth authorization request asks for a scope broader than the tools need.',
    defaultSeverity: 'error',
    cwe: ['CWE-250', 'CWE-272'],
    securitySeverity: '6.5',
    precision: 'high',
    requiresText: OAUTH_REQUEST_TEXT,
    messages: {
      catalogued: "Scope '{{scope}}' {{grants}}; {{advice}}.",
      generic: "Scope '{{scope}}' asks for {{breadth}}; request only the narrower scopes the tools use, or list it under 'allowed_scopes' with a reason.",
      several: 'Scopes {{scopes}} are broader than the tools usually need; {{details}}.',
    },
  },
  create(context) {
    return oauthRequestVisitors(context, (requests) => {
      const allowed = new Set(context.config.allowedScopes.map((entry) => entry.scope.toLowerCase()));
      // One finding per literal: a literal such as 'repo user' that writes several broad scopes names them all.
      const byNode = new Map<ts.Node, Map<string, BroadVerdict>>();
      for (const request of requests) {
        const scopeLists = request.scopes.map((value) => ({ value, scopes: value.values.flatMap((text) => splitScopes(text, value.encoded)) }));
        const provider = providerOf(request, scopeLists.flatMap((list) => list.scopes));
        for (const { value, scopes } of scopeLists) {
          for (const scope of new Set(scopes)) {
            if (allowed.has(scope.toLowerCase())) continue;
            const verdict = classifyScope(scope, provider);
            if (!verdict || verdict.kind === 'narrow') continue;
            const node: ts.Node = locateScopeLiteral(context.values, value.roots, scope) ?? value.fallback;
            const found = byNode.get(node) ?? new Map<string, BroadVerdict>();
            byNode.set(node, found);
            if (!found.has(scope)) found.set(scope, verdict);
          }
        }
      }
      for (const [node, found] of byNode) {
        const entries = [...found];
        const errors = entries.some(([, verdict]) => verdict.kind === 'catalogued');
        if (entries.length > 1) {
          const details = entries.map(([scope, verdict]) => shortAdvice(scope, verdict)).join('; ');
          context.report({ node, messageId: 'several', data: { scopes: quoteList(entries.map(([scope]) => scope), 'and'), details }, severity: errors ? undefined : 'warning' });
          continue;
        }
        const [scope, verdict] = entries[0]!;
        if (verdict.kind === 'catalogued') {
          context.report({ node, messageId: 'catalogued', data: { scope, grants: verdict.grants, advice: advice(verdict) } });
        } else {
          context.report({ node, messageId: 'generic', data: { scope, breadth: verdict.breadth }, severity: 'warning' });
        }
      }
    });
  },
});

type BroadVerdict = Exclude<ScopeVerdict, { kind: 'narrow' }>;

function advice(verdict: Extract<ScopeVerdict, { kind: 'catalogued' }>): string {
  return verdict.narrower.length ? `request ${quoteList(verdict.narrower)} if ${verdict.entry.when}` : `drop it unless ${verdict.entry.when}`;
}

/** One scope's part of the several-scopes message: what to ask for instead (the doc says what each grants). */
function shortAdvice(scope: string, verdict: BroadVerdict): string {
  if (verdict.kind === 'generic') return `'${scope}' asks for ${verdict.breadth}`;
  return verdict.narrower.length ? `instead of '${scope}' request ${quoteList(verdict.narrower)}` : `drop '${scope}' unless ${verdict.entry.when}`;
}
