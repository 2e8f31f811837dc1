/**
 * Vocabulary for telling a credential's name from a word that only says "token".
 * Names are split into words first (camelCase, snake_case, kebab-case, digits), so that
 * 'oauthUrl' or 'tokenizer' never match by accident. Sources: REFERENCE.md (CodeQL's
 * heuristics, their known OAuth gaps and the exclusion lists users asked for).
 */

/** A name with any of these words is not a credential, wherever the word stands. */
export const EXCLUDED_ANYWHERE = new Set([
  // protected or derived forms
  'hash', 'hashed', 'digest', 'sha', 'sha256', 'md5', 'encrypted', 'enc', 'cipher', 'ciphertext', 'sealed', 'wrapped',
  'redacted', 'redact', 'masked', 'mask', 'obfuscated', 'censored', 'fingerprint', 'challenge',
  // questions about a credential rather than the credential
  'has', 'is', 'should', 'needs', 'present', 'valid', 'exists', 'missing', 'required', 'enabled', 'show', 'use', 'uses',
  // LLM and parser tokens
  'max', 'min', 'total', 'input', 'output', 'prompt', 'completion', 'completions', 'tokenizer', 'tokenize', 'tokenized',
  'pad', 'eos', 'bos', 'unk', 'sep', 'cls', 'vocab', 'used', 'remaining', 'budget', 'estimate', 'estimated', 'lexer',
  'next', 'previous', 'prev', 'current', 'page', 'continuation', 'cursor', 'pagination', 'sync', 'cancellation',
  // anti-forgery values and nonces are not OAuth credentials
  'csrf', 'xsrf', 'nonce',
]);

/** Qualifiers that turn a credential word into metadata when they follow it ('tokenType', 'secretName', 'passwordField'). */
export const EXCLUDED_AFTER = new Set([
  'type', 'types', 'kind', 'count', 'counts', 'usage', 'limit', 'limits', 'index', 'position', 'length', 'offset',
  'endpoint', 'endpoints', 'url', 'uri', 'urls', 'host', 'bucket', 'rate', 'delimiter', 'separator', 'format', 'number',
  'name', 'names', 'id', 'ids', 'arn', 'prefix', 'suffix', 'pattern', 'class', 'style', 'expires', 'expiry', 'expiration',
  'expired', 'exp', 'ttl', 'lifetime', 'age', 'scope', 'scopes', 'audience', 'issuer', 'field', 'param', 'parameter',
  'key', 'keys', 'store', 'storage', 'cache', 'manager', 'service', 'provider', 'handler', 'client', 'schema',
  'validator', 'verifier', 'error', 'errors', 'status', 'info', 'request', 'options', 'config', 'path', 'file', 'dir',
  'directory', 'filename', 'location', 'ref', 'version', 'length', 'len', 'size', 'at', 'date', 'time', 'timestamp',
  'label', 'description', 'policy', 'rotation', 'family', 'generation', 'revoked', 'revocation',
]);

/** Words that name a credential on their own. */
export const CREDENTIAL_WORDS = new Set([
  'token', 'tokens', 'secret', 'secrets', 'password', 'passwd', 'passphrase', 'pwd', 'credential', 'credentials', 'creds',
  'jwt', 'jwts', 'bearer', 'authorization', 'apikey', 'authinfo', 'cookie', 'cookies',
]);

/** Adjacent word pairs that name a credential although the second word alone may not ('client secret', 'code verifier'). */
export const CREDENTIAL_PHRASES: ReadonlyArray<readonly [string, string]> = [
  ['api', 'key'], ['private', 'key'], ['secret', 'key'], ['signing', 'key'], ['client', 'secret'], ['code', 'verifier'],
  ['auth', 'code'], ['authorization', 'code'], ['session', 'key'], ['access', 'key'], ['master', 'key'],
  ['encryption', 'key'], ['auth', 'header'], ['authorization', 'header'], ['webhook', 'secret'], ['auth', 'info'],
];

/** Whole names (words joined, lowercase) of objects that hold tokens: logging or storing them whole leaks what they hold. */
export const TOKEN_CONTAINER_NAMES = new Set([
  'tokenresponse', 'tokenset', 'tokendata', 'tokenpayload', 'tokenresult', 'tokenbody', 'tokenjson', 'oauthtokens',
  'authinfo', 'credentials', 'tokens',
]);

/** Whole names that carry a credential although their words look harmless. */
export const CREDENTIAL_HEADER_NAMES = new Set(['authorization', 'proxy-authorization', 'x-api-key', 'cookie', 'set-cookie']);
