/**
 * Scope catalogue: the broad scopes of the providers MCP servers most often call, each with
 * the narrower scopes that usually serve, plus the scopes known to be narrow already (so the
 * generic heuristics leave them alone). The per-provider entries come from the provider records
 * (knowledge/providers/<id>.ts, each citing the provider's scope reference); what is generic
 * stays here: OpenID Connect's scopes and the words that make an unknown scope look broad (MCP
 * security best practices: `files:*`, `db:*`, `admin:*` as anti-patterns).
 */

import { PROVIDERS, type CatalogueBroadScope, type ProviderId } from './providers/index.js';

/** The providers with a catalogue: one record each in knowledge/providers/. */
export type ScopeProvider = ProviderId;

export const PROVIDER_NAMES: Record<ScopeProvider, string> = Object.fromEntries(PROVIDERS.map((record) => [record.id, record.displayName])) as Record<ScopeProvider, string>;

export interface BroadScope extends CatalogueBroadScope {
  provider: ScopeProvider;
}

/** Each provider record's broad scopes (knowledge/providers/<id>.ts). */
export const BROAD_SCOPES: readonly BroadScope[] = PROVIDERS.flatMap((record) => record.scopes.broad.map((entry): BroadScope => ({ provider: record.id, ...entry })));

/**
 * Scopes known to be narrow (or the provider's recommended narrow form). They never get the
 * generic warning, even when their names contain 'write' or 'all'.
 */
export const KNOWN_NARROW_SCOPES: readonly { provider: ScopeProvider | 'oidc'; scope: string | RegExp }[] = [
  { provider: 'oidc', scope: /^(openid|profile|email|address|phone|offline_access|offline)$/ },
  ...PROVIDERS.flatMap((record) => record.scopes.narrow.map((scope) => ({ provider: record.id, scope }))),
];

/** Words that make an otherwise unknown scope look broad; each maps to what it asks for. */
export const GENERIC_BROAD_WORDS: Readonly<Record<string, string>> = {
  admin: 'administrative access',
  administrator: 'administrative access',
  write: 'write access',
  readwrite: 'write access',
  delete: 'delete access',
  all: 'access to all resources',
  everything: 'access to all resources',
  full: 'full access',
  fullcontrol: 'full access',
  '*': 'wildcard access',
};

/** Prefixes that only qualify a scope and are stripped before matching the catalogue. */
export const SCOPE_PREFIXES: readonly { provider: ScopeProvider; prefix: string }[] = PROVIDERS.flatMap((record) => record.scopes.prefixes.map((prefix) => ({ provider: record.id, prefix })));

/** Scopes a mail protocol requires (Gmail over IMAP, POP or SMTP): see each provider record's `protocolScopes`. */
export const PROTOCOL_SCOPES: readonly { provider: ScopeProvider; scope: string; protocols: string }[] = PROVIDERS.flatMap((record) =>
  record.scopes.protocolScopes.map((entry) => ({ provider: record.id, ...entry })),
);

/** Text that shows a file speaks a mail protocol with OAuth: the SASL mechanism, or an IMAP/SMTP client. */
export const MAIL_PROTOCOL_EVIDENCE = /\bXOAUTH2?\b|\bimapflow\b|\bnode-imap\b|\bimap-simple\b|\bnodemailer\b|\bIMAP\b|\bSMTP\b/i;
