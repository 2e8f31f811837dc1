/**
 * Text a file must contain for a rule to have anything to report, checked on the raw text
 * before parsing (Semgrep prefilters rules the same way). Each pattern is built from the
 * vocabulary the rule's recognisers use, so that adding a word there widens the prefilter
 * too. A file that matches no rule's pattern is not parsed at all: most files of a PR never
 * touch a credential or an OAuth request, and parsing is most of the cost.
 *
 * The patterns must stay conservative: a rule may only be skipped when no path through its
 * recognisers can fire. `test/prefilter.test.ts` checks that every fixture, example and
 * generated file gives the same findings with and without the prefilter, and the benchmark
 * checks the same on its real-package corpus.
 */
import {
  CREDENTIAL_HEADER_NAMES,
  CREDENTIAL_PARAMETERS,
  CREDENTIAL_PHRASES,
  CREDENTIAL_TYPE_NAMES,
  CREDENTIAL_WORDS,
  HTTP_ERROR_TYPES,
  MODULE_CREDENTIAL_TYPES,
  REQUEST_CONFIG_TYPES,
  TOKEN_CONTAINER_NAMES,
  TOKEN_MINTING_CALLS,
} from './credential-names.js';
import { LIBRARY_CALLS, OAUTH_WORDS } from './oauth-endpoints.js';
import { AUTHORIZATION_SERVER_TEXT } from './authorization-server.js';

/** A `\u0074`, `\u{74}` or `\x74` escape, or a line continuation: names and strings can be spelled with them. */
const SOURCE_ESCAPE = /\\(?:u\{?[0-9a-fA-F]|x[0-9a-fA-F]{2}|\r?\n)/;
const SOURCE_ESCAPES = /\\u\{([0-9a-fA-F]{1,6})\}|\\u([0-9a-fA-F]{4})|\\x([0-9a-fA-F]{2})|\\\r?\n/g;

/** The text with its escapes replaced by what they stand for, as the parser reads names and strings. */
export function unescapeSource(text: string): string {
  return text.replace(SOURCE_ESCAPES, (whole: string, braced?: string, four?: string, two?: string) => {
    const hex = braced ?? four ?? two;
    if (hex === undefined) return ''; // a line continuation
    const code = parseInt(hex, 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/**
 * Words (case-insensitive) and patterns, any of which satisfies the requirement, compiled into
 * one alternation. A word that contains another is dropped, since the shorter one finds it.
 */
export class TextRequirement {
  readonly words: readonly string[];
  private readonly pattern: RegExp;

  constructor(words: Iterable<string>, patterns: readonly string[] = []) {
    const lower = [...new Set([...words].map((word) => word.toLowerCase()))];
    this.words = lower.filter((word) => !lower.some((other) => other !== word && word.includes(other)));
    this.pattern = new RegExp([...this.words.map(escape), ...patterns].join('|'), 'i');
  }

  test(text: string): boolean {
    if (this.pattern.test(text)) return true;
    // Escapes are rare: decode them only when the plain text fails and has some.
    return SOURCE_ESCAPE.test(text) && this.pattern.test(unescapeSource(text));
  }
}

/**
 * What the token model can recognise as a credential: credential words and phrases in any
 * spelling ('apiKey', 'API_KEY', 'api-key'), header and type names, container names, SDK hooks
 * and minting calls, token requests, and the unnamed carriers it knows (`process.env`,
 * `req.headers`, an axios error's `config`, a request interceptor's config).
 */
export const TOKEN_TEXT = new TextRequirement(
  [
    ...CREDENTIAL_WORDS, ...CREDENTIAL_HEADER_NAMES, ...TOKEN_CONTAINER_NAMES, ...CREDENTIAL_TYPE_NAMES,
    ...CREDENTIAL_PARAMETERS.keys(), ...TOKEN_MINTING_CALLS, ...HTTP_ERROR_TYPES, ...REQUEST_CONFIG_TYPES,
    ...MODULE_CREDENTIAL_TYPES.keys(),
    'jws', 'jwt', 'axios', 'interceptors', 'grant_type', 'oidc-client',
  ],
  [
    ...CREDENTIAL_PHRASES.map(([first, second]) => `${escape(first)}[^a-z]*${escape(second)}`),
    '\\b(?:env|headers|config)\\b',
    // a handler that reads the authorization code (its request URL carries it), oauth2orize's code exchange
    '\\.get\\(\\s*[\'"`]code[\'"`]', '\\bquery\\.code\\b', '\\bexchange\\.(?:code|authorization_?code)\\b',
  ],
);

/** Authorization requests and code exchanges: an OAuth parameter name, or an import of a known OAuth library. */
export const OAUTH_REQUEST_TEXT = new TextRequirement(
  // OAUTH_WORDS is the plain alternation of words the request model itself tests.
  [...OAUTH_WORDS.source.split('|'), ...LIBRARY_CALLS.flatMap((call) => call.modules)],
  // The authorization-server model reads its own trigger text.
  [AUTHORIZATION_SERVER_TEXT.source],
);
/** The request words, plus a callback's read of the authorization code (its exchange may live in another module). */
export const OAUTH_CALLBACK_TEXT = new TextRequirement(
  [...OAUTH_WORDS.source.split('|'), ...LIBRARY_CALLS.flatMap((call) => call.modules), 'query.code', "get('code')", 'get("code")', "query('code')"],
  [AUTHORIZATION_SERVER_TEXT.source],
);

/** Refresh-token grant handlers: every recogniser needs the word (the grant, the SDK hook, a handler's name). */
export const REFRESH_TEXT = new TextRequirement(['refresh']);

/** In-source suppression directives. */
export const SUPPRESSION_TEXT = new TextRequirement(['mcp-oauth-guard-ignore']);
