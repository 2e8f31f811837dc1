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
  'redacted', 'redact', 'masked', 'mask', 'obfuscated', 'censored', 'fingerprint', 'challenge', 'preview', 'hint', 'decoded',
  // questions about a credential rather than the credential
  'has', 'is', 'should', 'needs', 'can', 'present', 'exists', 'missing', 'required', 'enabled', 'show',
  // parsers, tokenizers and LLM vocabularies
  'tokenizer', 'tokenizers', 'tokenize', 'tokenized', 'tokenizing', 'tiktoken', 'vocab', 'lexer', 'lexeme', 'scanner',
  // anti-forgery values, nonces and editor cancellation tokens are not OAuth credentials
  'csrf', 'xsrf', 'nonce', 'cancellation',
]);

/**
 * Words that, directly before 'token'/'tokens', make it a count, a cursor or a parser token:
 * 'nextToken', 'pageToken', 'maxTokens', 'prompt_tokens', 'pad_token'. Further away they
 * do not exclude: 'usedRefreshToken' and 'currentAccessToken' stay credentials.
 */
export const EXCLUDED_BEFORE_TOKEN = new Set([
  // pagination cursors (CodeQL Java's list) and sync markers
  'next', 'previous', 'prev', 'current', 'page', 'continuation', 'cursor', 'pagination', 'sync', 'resume', 'resumption',
  'start', 'end', 'skip', 'delta', 'progress',
  // the OAuth `state` round-trips an anti-forgery value, not a credential ('stateToken', 'generateStateToken')
  'state',
  // LLM units of text
  'max', 'min', 'total', 'input', 'output', 'prompt', 'completion', 'completions', 'reasoning', 'cached', 'used',
  'remaining', 'estimated', 'num', 'context', 'response', 'generated', 'special', 'stop', 'added',
  'pad', 'eos', 'bos', 'unk', 'sep', 'cls', 'mask',
]);

/** Qualifiers that turn a credential word into metadata when they follow it ('tokenType', 'secretName', 'passwordField'). */
export const EXCLUDED_AFTER = new Set([
  'type', 'types', 'kind', 'count', 'counts', 'usage', 'limit', 'limits', 'index', 'position', 'length', 'offset',
  'endpoint', 'endpoints', 'url', 'uri', 'urls', 'host', 'bucket', 'rate', 'delimiter', 'separator', 'format', 'number',
  'name', 'names', 'id', 'ids', 'arn', 'prefix', 'suffix', 'pattern', 'class', 'style', 'expires', 'expiry', 'expiration',
  'expired', 'exp', 'ttl', 'lifetime', 'age', 'scope', 'scopes', 'audience', 'issuer', 'field', 'param', 'parameter',
  'key', 'keys', 'store', 'storage', 'cache', 'manager', 'service', 'provider', 'handler', 'client', 'schema',
  'validator', 'verifier', 'error', 'errors', 'status', 'info', 'request', 'options', 'opts', 'config', 'settings',
  'path', 'file', 'dir', 'directory', 'filename', 'location', 'ref', 'version', 'len', 'size', 'at', 'date', 'time',
  'timestamp', 'label', 'description', 'policy', 'rotation', 'family', 'generation', 'revoked', 'revocation',
  'valid', 'used', 'budget', 'estimate', 'parser', 'middleware', 'header', 'headers', 'regex', 'set', 'ok', 'source',
  'mode', 'strategy', 'method', 'methods', 'supported', 'payload', 'claims', 'mtime', 'ctime', 'atime', 'birthtime',
]);

/**
 * Words that name a credential on their own. A user's login password ('password', 'passwd') is
 * not one of the OAuth credentials these rules are about: a password grant's or a login
 * form's password is the user's, and logging or storing it is a different finding.
 */
export const CREDENTIAL_WORDS = new Set([
  'token', 'tokens', 'secret', 'secrets', 'passphrase', 'credential', 'credentials', 'creds',
  'jwt', 'jwts', 'bearer', 'apikey', 'authinfo', 'cookie', 'cookies',
]);

/** Adjacent word pairs that name a credential although the second word alone may not ('client secret', 'code verifier'). */
export const CREDENTIAL_PHRASES: ReadonlyArray<readonly [string, string]> = [
  ['api', 'key'], ['private', 'key'], ['secret', 'key'], ['signing', 'key'], ['client', 'secret'], ['code', 'verifier'],
  ['auth', 'code'], ['authorization', 'code'], ['session', 'key'], ['access', 'key'], ['master', 'key'],
  ['encryption', 'key'], ['auth', 'header'], ['authorization', 'header'], ['webhook', 'secret'], ['auth', 'info'],
  ['cookie', 'header'], ['auth', 'token'],
];

/** Whole names (words joined, lowercase) of objects that hold tokens: logging or storing them whole leaks what they hold. */
export const TOKEN_CONTAINER_NAMES = new Set([
  'tokenresponse', 'tokenset', 'tokendata', 'tokenresult', 'tokenbody', 'tokenjson', 'oauthtokens',
  'authinfo', 'credentials', 'tokens',
]);

/** Whole names that carry a credential although their words look harmless. */
export const CREDENTIAL_HEADER_NAMES = new Set(['authorization', 'proxy-authorization', 'x-api-key', 'cookie', 'set-cookie']);

/**
 * Types whose values are credentials or hold them: the MCP SDK's `OAuthTokens`/`AuthInfo`,
 * google-auth-library's `Credentials`, openid-client's `TokenSet`/`TokenEndpointResponse`,
 * arctic's `OAuth2Tokens`, simple-oauth2's `AccessToken`, MSAL's `AuthenticationResult`.
 */
export const CREDENTIAL_TYPE_NAMES = new Set([
  'OAuthTokens', 'AuthInfo', 'Credentials', 'TokenSet', 'TokenEndpointResponse', 'OAuth2Tokens', 'AccessToken',
  'AuthenticationResult', 'TokenResponse', 'GetTokenResponse',
]);

/**
 * Methods of the MCP SDK's `OAuthServerProvider`/`OAuthTokenVerifier`, of Slack's
 * `InstallationStore` (the installation carries the bot and user tokens) and of an Auth.js /
 * NextAuth database adapter (`linkAccount(account)`: the provider account with its
 * `access_token`, `refresh_token` and `id_token`), and their parameter positions that receive a
 * credential, whatever the parameter is called.
 */
export const CREDENTIAL_PARAMETERS: ReadonlyMap<string, readonly number[]> = new Map([
  ['verifyAccessToken', [0]],
  ['exchangeRefreshToken', [1]],
  ['exchangeAuthorizationCode', [2]],
  ['storeInstallation', [0]],
  ['linkAccount', [0]],
]);

/**
 * oidc-client and oidc-client-ts (and their forks, `oidc-client-ts-…`): the `UserManager` methods
 * that resolve to the signed-in `User`, which holds `access_token`, `id_token` and `refresh_token`.
 * Matched only in a file that imports such a module.
 */
export const OIDC_CLIENT_MODULE = /['"]oidc-client(?:-ts)?(?:-[\w.-]+)?['"]/;
export const OIDC_USER_METHODS = new Set([
  'getUser', 'signinSilent', 'signinCallback', 'signinRedirectCallback', 'signinPopup', 'signinPopupCallback',
  'signinSilentCallback', 'signinResourceOwnerCredentials',
]);

/**
 * Types that hold credentials although their names say nothing, by the modules that declare
 * them: a value of such a type is a credential only where the file imports the type from there.
 */
export const MODULE_CREDENTIAL_TYPES: ReadonlyMap<string, readonly string[]> = new Map([
  // Slack's `Installation`: `bot.token`, `user.token`, `bot.refreshToken`.
  ['@slack/oauth', ['Installation']],
  ['@slack/bolt', ['Installation']],
]);

/** Verbs that, followed by a credential's name, make a call return that credential ('getAccessToken', 'refreshTokens'). */
export const TOKEN_PRODUCING_VERBS = new Set([
  'get', 'fetch', 'exchange', 'refresh', 'request', 'issue', 'create', 'generate', 'mint', 'obtain', 'acquire', 'load',
  'read', 'retrieve', 'sign', 'new', 'decrypt', 'unseal', 'reveal',
]);

/**
 * Calls that read a token's claims: `jwt.verify(token, key)` and `jwt.decode(token)` return the
 * payload (subject, scopes, expiry), `jose.jwtVerify` a `{ payload }` record, not the token. (The MCP SDK's
 * `verifyAccessToken` is not one: its `AuthInfo` carries the token.)
 */
export const CLAIMS_READING_CALLS = /(^|\.)(jwtVerify|jwtDecode|decodeJwt|decodeProtectedHeader|verifyIdToken)$|(^|\.)(jwt|jsonwebtoken|jws|jose|JWT|Jwt)(_\d+)?(\.default)?\.(verify|decode)$/;

/** Calls that mint a signed token: the result is a credential whatever it is called. */
export const TOKEN_MINTING_CALLS = new Set(['jwt.sign', 'jsonwebtoken.sign', 'jws.sign']);

/** Names that look like credentials but hold something else ('GOOGLE_APPLICATION_CREDENTIALS' is a file path). */
export const NOT_CREDENTIAL_NAMES = new Set(['google_application_credentials', 'credentials_file', 'credentials_path']);

/** Object names whose 'tokens' property is an LLM count ('usage.tokens', 'stats.tokens'). */
export const TOKEN_COUNT_OWNERS = new Set(['usage', 'stats', 'statistics', 'metrics', 'counts', 'budget', 'limits', 'billing', 'cost', 'costs']);

/** Types of errors that carry the request configuration (and with it the Authorization header). */
export const HTTP_ERROR_TYPES = new Set(['AxiosError', 'GaxiosError']);
/** `axios.isAxiosError(e)`, `isAxiosError(e)`: a guard that proves an error is an axios error. */
export const HTTP_ERROR_GUARDS = /(^|\.)isAxiosError$/;
/** Types of an HTTP client's request configuration, whose `headers` carry the Authorization header. */
export const REQUEST_CONFIG_TYPES = new Set(['AxiosRequestConfig', 'InternalAxiosRequestConfig', 'GaxiosOptions']);

/**
 * Authorization codes: a request parameter of this name on a callback or token endpoint
 * (`req.query.code`, `url.searchParams.get('code')`, `params.get('code')` of a form body) is the
 * code, which anyone who reads it can redeem (without PKCE) or replay.
 */
export const AUTHORIZATION_CODE_PARAMETERS = new Set(['code']);
/** The MCP SDK's bearer middleware (`requireBearerAuth`) puts the verified `AuthInfo` (with its `token`) on `req.auth`. */
export const BEARER_AUTH_MIDDLEWARE = /\brequireBearerAuth\b/;
export const REQUEST_AUTH_INFO_MEMBER = 'auth';
/** Members that hold a request's parameters: `req.query`, `url.searchParams`, `ctx.request.body`. */
export const REQUEST_PARAMETER_MEMBERS = /(^|\.)(searchParams|query)$|(^|\.)(req|request|ctx|c|context|event)\.(query|params|body)$/;
/** Hono and similar: `c.req.query('code')`, `c.req.param('code')`. */
export const REQUEST_PARAMETER_METHODS = new Set(['query', 'param', 'queryParam']);
/** Query or fragment parameters whose value is a credential when a URL carries them: `?code=…`, `#access_token=…`. */
export const URL_CREDENTIAL_PARAMETER = /[?&#](code|access_token|refresh_token|id_token|token|client_secret)=$/;
/** Calls that put a parameter into a URL's query (`url.searchParams.set('code', code)`). */
export const URL_PARAMETER_SETTERS = new Set(['set', 'append']);

/**
 * Records of an OAuth server's storage model, by the receiver of the call that fetches or creates
 * them (`model.accessToken.fetchByToken(t, (err, obj) => …)`): the record holds the token, the
 * code or the client secret. Node-style callbacks hand the record over as their second parameter.
 */
export const CREDENTIAL_RECORD_KINDS = new Set(['accesstoken', 'refreshtoken', 'code', 'authorizationcode', 'authcode', 'client', 'token']);
export const CREDENTIAL_RECORD_OWNERS = new Set(['model', 'models', 'store', 'storage', 'repository', 'dao']);
export const RECORD_READING_VERBS = new Set(['fetch', 'get', 'find', 'load', 'read', 'create', 'issue', 'generate', 'save', 'lookup']);
/** First parameter names of node-style callbacks (`function (err, result)`). */
export const CALLBACK_ERROR_PARAMETER = /^(err|error|e|er|ex)$/;

/**
 * Commands whose output is a credential: CLIs that print a token or a session with one
 * (`sf org display --json`, `gcloud auth print-access-token`, `az account get-access-token`,
 * `gh auth token`). Their output, logged or stored, is the credential.
 */
export const CREDENTIAL_PRINTING_COMMANDS = /\b(sf|sfdx)\s+(org\s+display|force:org:display)\b|\bprint-(access|identity)-token\b|\bget-access-token\b|\bgh\s+auth\s+token\b|\bauth\s+token\b|--show-token\b|\baccess-token\s+show\b/;
/** Functions that run a command and return (or resolve to) its output. */
export const COMMAND_RUNNERS = /(^|\.)(exec|execSync|execAsync|execFile|execFileSync|execFileAsync|spawnSync|execa|execaSync|execaCommand|execaCommandSync|runCommand|runCommandSync|\$)$/;


/**
 * The URL an OAuth client's callback handler receives (`handleCallback(url)`,
 * `onOAuthCallback(callbackUrl)`) is the redirect that carries the authorization code.
 */
export const CALLBACK_HANDLER_WORDS = new Set(['callback', 'redirect']);
export const URL_PARAMETER_WORDS = new Set(['url', 'uri', 'href']);
/**
 * Where a redirect goes when the function redirects to the authorization server
 * (`redirectToAuthorization(authorizationUrl)` of the MCP SDK's client provider, `redirectToLogin(url)`):
 * the outgoing authorize URL, which carries a challenge and state but no code.
 */
export const OUTGOING_REDIRECT_TARGETS = new Set(['authorization', 'authorize', 'auth', 'oauth', 'login', 'signin', 'sign', 'consent', 'idp', 'provider']);
