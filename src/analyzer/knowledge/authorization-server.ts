/**
 * Data for `models/authorization-server`: how a package's own authorization server issues and
 * redeems authorization codes, and what shows that it binds them to PKCE. Read from the code of
 * oauth2-server 3 and its forks (@compwright/oauth2-server, node-oauth2-server 2), oauth2orize
 * and the servers built on it (loopback-component-oauth2), oauth20-provider, openid-connect,
 * the MCP SDK's `OAuthServerProvider`, and hand-written /authorize and /token handlers
 * (express, hono, Cloudflare Workers `fetch`).
 */

/** The token request's grant that redeems an authorization code. */
export const AUTHORIZATION_CODE_GRANT = 'authorization_code';

/**
 * Model methods that read a stored authorization code by its value
 * (`model.getAuthorizationCode(code)`, `model.getAuthCode(code, cb)`, `code.fetchByCode(c)`,
 * `authorizationCodes.findByCode(code)`, `consumeAuthCode(code)`).
 */
export const CODE_LOOKUP_NAME = /^((get|find|fetch|load|read|lookup|retrieve|consume|redeem|take|pop|use)_?(one_?)?(auth|authorization)_?codes?(_?by_?\w+)?|(get|find|fetch|load|read)_?(one_?)?by_?code)$/i;

/**
 * Model methods that store a freshly issued authorization code
 * (`model.saveAuthorizationCode(code, client, user)`, `model.saveAuthCode(...)`, `storeAuthCode`).
 */
export const CODE_SAVE_NAME = /^(save|store|create|insert|put|persist|set|add|record)_?(auth|authorization)_?codes?$/i;

/** Write methods of stores, maps and ORMs that may persist an issued code with its record. */
export const CODE_WRITE_METHODS: ReadonlySet<string> = new Set([
  'save', 'create', 'insert', 'insertOne', 'set', 'put', 'add', 'upsert', 'hset', 'hmset', 'setex', 'setEx', 'store', 'persist',
]);

/** Read methods of stores, maps and ORMs that look a stored code up inside an `authorization_code` grant. */
export const CODE_READ_METHODS: ReadonlySet<string> = new Set([
  'get', 'find', 'findOne', 'findUnique', 'findFirst', 'findByCode', 'findBy', 'findOneBy', 'getItem', 'hget', 'hgetall', 'getdel', 'getDel',
  'has', 'query', 'select', 'selectFrom', 'first', 'fetchByCode', 'load', 'lookup', 'retrieve', 'read',
]);

/** Receivers whose name says they hold authorization codes (`authorizationCodes`, `model.code`, `authCodeStore`, `pendingCodes`). */
export const CODE_STORE_RECEIVER = /(^|_)(auth|authorization|pending|temp|issued|oauth)?_?codes?(_?(store|map|cache|db|table|repo|repository|collection|model|storage|kv))?$/i;
/** Names containing 'code' that are not authorization codes. */
export const NOT_AUTHORIZATION_CODE = /qr_?code|bar_?code|status_?code|error_?code|zip_?code|post_?code|country_?code|language_?code|lang_?code|currency_?code|en_?code|de_?code|uni_?code|op_?code|source_?code|device_?code|user_?code|verification_?code|otp|invite|promo|coupon|referral|exit_?code|key_?code|char_?code|color_?code|phone|sms|email/i;

/** Keys of a stored record, or names of values, that are the authorization code itself. */
export const CODE_KEY = /^(code|auth_?code|authorization_?code|authorizationCode|authCode)$/i;

/** Receivers that are the incoming request, not a store (`req.query.get`, `url.searchParams.get`, `c.req.query`). */
export const REQUEST_RECEIVER = /(^|\.)(req|request|ctx|c|params|query|body|searchParams|url|headers|formData|form|cookies|session|URLSearchParams|env|process\.env|config|options|opts|args|argv)$/i;

/** Keys or names that show a stored code belongs to a client's authorization request (so a stored `code` is an OAuth code, not an OTP). */
export const AUTHORIZATION_RECORD_EVIDENCE = /redirect_?uri|client_?id|\bclient\b|\bscope/i;

/** Text that shows the server binds codes to PKCE (stores or compares a challenge). */
export const CHALLENGE_EVIDENCE = /code_?challenge|pkce/i;
/** Text that shows the token endpoint checks a PKCE verifier. */
export const VERIFIER_EVIDENCE = /code_?verifier|pkce/i;

/**
 * A stored challenge by name (`code.codeChallenge`, `authorizationCode.code_challenge`, a destructured
 * `codeChallenge`): the test `if (codeChallenge) { …check the verifier… }` makes PKCE optional.
 */
export const STORED_CHALLENGE_NAME = /^code_?challenge$/i;
/**
 * The error an authorization endpoint gives when it requires PKCE ('Public clients must use PKCE',
 * 'code_challenge is required'); not 'code_verifier is required for PKCE' (a token-endpoint check),
 * nor a requirement under a condition named in the message ('… when code_challenge_method is provided').
 */
export const PKCE_REQUIRED_MESSAGE = /\b(?:pkce|code_challenge)\b(?:\s+parameter)?\s+(?:is\s+)?(?:required|mandatory)\b|\bmust\s+(?:use|include|send|provide)\s+(?:a\s+)?(?:pkce|code_challenge)\b|\brequires?\s+(?:pkce|a\s+code_challenge|code_challenge)\b/i;
export const PKCE_REQUIRED_CONDITION = /\b(?:when|if|unless)\b/i;
/** Where an authorization endpoint reads the client's request: `req.query`, `request.body`, `url.searchParams`, `c.req`. */
export const INCOMING_REQUEST_TEXT = /\b(req|request)\b|\.req\b|\bquery\b|\bbody\b|searchParams/;
/** A name that holds a PKCE challenge ('code_challenge', 'codeChallenge', 'clientCodeChallenge'). */
export const CHALLENGE_VALUE_NAME = /code_?challenge$/i;
/** An option that switches the requirement on (`requirePkce`, `enforcePKCE`, `pkceRequired`). */
export const PKCE_OPT_IN_FLAG = /\b\w*(?:require|enforce|force)_?pkce\w*|\bpkce_?(?:required|enforced)\w*/i;
/** A verifier check inside such a branch: a throw, a comparison or a call that verifies. */
export const VERIFYING_CALL_NAME = /verif|validat|check|compare|match|equal/i;

/** Functions and methods that handle the `authorization_code` grant by their name. */
export const CODE_GRANT_HANDLER_NAME = /^((use|handle|process|do|run)_?)?(auth|authorization)_?code_?grant(_?type)?$|^handle_?(auth|authorization)_?code(_?grant|_?exchange)?$/i;

/** oauth2orize: `server.exchange(oauth2orize.exchange.code(fn))` redeems, `server.grant(oauth2orize.grant.code(fn))` issues. */
export const OAUTH2ORIZE_CODE_EXCHANGE = /(^|\.)exchange\.(code|authorization_?code)$/i;
export const OAUTH2ORIZE_CODE_GRANT = /(^|\.)grant\.code$/i;

/** Route paths of a token endpoint (`app.post('/token', …)`, `router.post('/oauth/token', …)`): its request body carries a code, refresh token or client secret. */
export const TOKEN_ROUTE_PATH = /^\/(.*\/)?(token|access_token)\/?$/i;
/** Methods that register a token route's handler on express, hono, fastify, koa-router. */
export const ROUTE_METHODS: ReadonlySet<string> = new Set(['post', 'all', 'use', 'route', 'on', 'put']);

/**
 * The MCP SDK's `OAuthServerProvider`: the SDK's token handler checks `code_verifier` against
 * `challengeForAuthorizationCode` itself, unless `skipLocalPkceValidation` is set; then
 * `exchangeAuthorizationCode(client, code, codeVerifier, …)` must use the verifier (or forward it upstream).
 */
export const SDK_CHALLENGE_METHOD = 'challengeForAuthorizationCode';
export const SDK_SKIP_PKCE_OPTION = 'skipLocalPkceValidation';
export const SDK_EXCHANGE_METHOD = 'exchangeAuthorizationCode';
export const SDK_EXCHANGE_VERIFIER_INDEX = 2;

/** Raw text that makes a file worth modelling as an authorization server (checked before any walk). */
export const AUTHORIZATION_SERVER_TEXT = /authorization_?code|auth_?code|skipLocalPkceValidation|exchange\.code|grant\.code|[/'"`]token['"`]|by_?code\b|\bcodes?\.(create|save|insert|put|set)\b/i;
