/**
 * Data for the MCP authorization rules (spec revision 2026-07-28): where a resource server finds
 * the token its client sent, what counts as an outbound credential, how tokens are verified,
 * which comparisons are exact, and how the SDK's Streamable HTTP transport is protected. The
 * recognisers in `models/` read these tables; each rule's prefilter is built from the same words.
 */
import { CREDENTIAL_HEADER_NAMES, CREDENTIAL_PHRASES, CREDENTIAL_WORDS, TOKEN_CONTAINER_NAMES } from './credential-names.js';
import { TextRequirement } from './prefilter.js';

/** Receivers that are an incoming HTTP request in express, fastify, koa, hono, Workers and node:http handlers. */
export const REQUEST_NAMES = new Set(['req', 'request', 'incoming', 'incomingRequest', 'httpRequest', 'rawRequest', 'raw']);
/** Receivers whose `.req`/`.request` is the request: hono's `c`, koa's `ctx`, h3's `event`. */
export const REQUEST_CONTEXT_NAMES = new Set(['c', 'ctx', 'context', 'event']);

/** h3 (Nuxt, Nitro) reads a request header with a function given the event: `getHeader(event, 'authorization')`. */
export const EVENT_HEADER_READERS = new Set(['getHeader', 'getRequestHeader']);

/** The MCP SDK's verified-token holders: `extra.authInfo`, `req.auth` (set by requireBearerAuth). */
export const AUTH_INFO_NAMES = new Set(['authInfo', 'auth']);

/** Request headers, query parameters and body fields a bearer token travels in. */
export const AUTHORIZATION_HEADER = 'authorization';
export const QUERY_TOKEN_KEYS = new Set(['access_token', 'accesstoken', 'bearer_token', 'bearer', 'auth_token', 'authtoken']);
/** Query keys that are a credential only when the code uses them as one (verifies or combines them with the header). */
export const QUERY_MAYBE_TOKEN_KEYS = new Set(['token', 'jwt', 'api_key', 'apikey', 'key']);

/** Calls whose first argument is verified as a token. */
export const TOKEN_VERIFY_CALLS = new Set(['jwtVerify', 'verify', 'verifyAccessToken', 'verifyToken', 'verifyJwt', 'verifyJWT', 'introspect', 'introspectToken', 'validateToken', 'validateAccessToken']);

/** HTTP clients whose call sends a request with `headers` in an options object. */
export const HTTP_CALLS = new Set(['fetch', 'axios', 'got', 'ky', 'request', 'ofetch', '$fetch', 'undiciRequest', 'superagent']);
export const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'request', 'create']);

/** Options of SDK clients that hold the credential they call with (Octokit `auth`, Notion `auth`, Linear `accessToken`). */
export const CLIENT_CREDENTIAL_OPTIONS = new Set(['auth', 'token', 'accessToken', 'access_token', 'bearerToken', 'apiKey']);
/** `oauth2Client.setCredentials({ access_token })` and its relatives. */
export const CREDENTIAL_SETTERS = new Set(['setCredentials', 'setAccessToken', 'setToken', 'setAuth']);
/** Setters that take the credential itself as their one argument. */
export const CREDENTIAL_VALUE_SETTERS = new Set(['setAccessToken', 'setToken', 'setApiKey', 'setAPIKey', 'setAuthToken', 'setBearerToken']);
/**
 * Keys that name a credential for another service wherever the object goes (returned client
 * options, a request context, a session): the token a client sent, stored as an `apiKey`, is
 * what the server then calls its upstream API with.
 */
export const UPSTREAM_KEY_NAMES = /^(?:api_?key|apiKey|api-key)$/i;

/** Endpoints that exist to check the very token that was received: calling them with it is validation, not passthrough. */
export const VALIDATION_ENDPOINT = /userinfo|introspect|tokeninfo|token_info|\/oauth2?\/v\d+\/me\b|\/\.well-known\//i;
/** Configuration names of such an endpoint, when its URL is not in the code: `this.config.verifyEndpoint`, `introspectionUrl`. */
export const VALIDATION_ENDPOINT_NAME = /(?:verify|verification|introspect|introspection|userinfo|userInfo|tokeninfo|tokenInfo)_?(?:endpoint|url|uri)$/i;
/**
 * Functions that exist to check a token with its issuer (`validateToken`, `verifyAccessToken`,
 * `getUserInfo`): the token they send goes back where it came from, which is no passthrough.
 */
export const VALIDATION_HELPER_NAME = /^(?:validate|verify|check|introspect)\w*Token$|^(?:get|fetch)?User[Ii]nfo$|^whoami$/i;
/** Calls that turn one token into another: RFC 8693 exchange, on-behalf-of, a broker's own token. */
export const TOKEN_EXCHANGE_WORDS = /exchange|onbehalfof|on_behalf_of|obo|acquireToken|getTokenFor|mintToken|downscope/i;

/** Signature-verifying JWT calls and where their audience option lives. */
export interface JwtVerifier {
  module: string;
  /** Exported name (or `default.name` for a default import's member). */
  names: string[];
  /** 0-based position of the options object. */
  optionsIndex: number;
  audienceOption: string;
  /**
   * A middleware or verifier factory (`expressjwt({…})`, fast-jwt's `createVerifier({…})`): it
   * exists to check the bearer tokens of incoming requests, and its key is this option.
   */
  keyOption?: string;
}
export const JWT_VERIFIERS: readonly JwtVerifier[] = [
  { module: 'jose', names: ['jwtVerify'], optionsIndex: 2, audienceOption: 'audience' },
  { module: 'jsonwebtoken', names: ['verify', 'default.verify'], optionsIndex: 2, audienceOption: 'audience' },
  { module: 'express-jwt', names: ['expressjwt', 'expressJwt', 'default', ''], optionsIndex: 0, audienceOption: 'audience', keyOption: 'secret' },
  { module: 'koa-jwt', names: ['default', '', 'koaJwt'], optionsIndex: 0, audienceOption: 'audience', keyOption: 'secret' },
  { module: 'fast-jwt', names: ['createVerifier'], optionsIndex: 0, audienceOption: 'allowedAud', keyOption: 'key' },
];
/** Keys whose presence in a verifier's body or result shows an audience or resource check. */
export const AUDIENCE_WORDS = /\baud\b|audience|\bresource\b|resourceIndicator|expectedResource|allowedAud/;

/** Names of the requested redirect URI in an authorization server. */
export const REDIRECT_URI_NAME = /^(?:redirect_?ur[il]s?|redirect_?to|callback_?ur[il]|return_?to|return_?ur[il])$/i;
/** Hosts a loopback redirect may use with any port (RFC 8252 §7.3). */
export const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);
/** Prefixes that check only the scheme, not the registered URI. */
export const SCHEME_ONLY = /^[a-z][a-z0-9+.-]*:(?:\/\/)?$/i;

/** Sources that are not cryptographically random. */
export const WEAK_RANDOM_CALLS = new Set(['Math.random', 'Date.now', 'performance.now', 'process.hrtime', 'process.uptime']);

/** Constant-time comparisons and digests that make a comparison safe. */
export const CONSTANT_TIME_CALLS = /timingSafeEqual|constantTimeEqual|safeCompare|secureCompare|timingSafeCompare|tsscmp/i;
export const HASH_CALLS = /(?:^|\.)(?:createHash|subtle\.digest|sha256|sha512|sha1|hash|bcrypt\.compare|argon2\.verify|scrypt)$/i;
export const HMAC_CALLS = /(?:^|\.)(?:createHmac|hmac|sign)$/i;
/** Headers that carry request credentials. */
export const CREDENTIAL_REQUEST_HEADERS = /^(?:authorization|x-api-key|api-key|x-auth-token|x-access-token|x-webhook-secret|x-[a-z0-9-]*signature(?:-256)?|x-signature|stripe-signature|x-mcp-api-key|x-token)$|^(?!.*(?:idempotency|csrf|xsrf|cache|request-id|trace|nonce))(?:[a-z0-9]+-)*(?:api-?key|secret|signature|password|passwd|token)(?:-256)?$|^x-(?!.*(?:idempotency|cache|public|partition|routing|dedup))[a-z0-9]+(?:-[a-z0-9]+)*-key$/i;

/** The MCP SDK's server transports that speak HTTP. */
export const HTTP_SERVER_TRANSPORTS = new Map<string, number>([
  // class name → position of its options argument
  ['StreamableHTTPServerTransport', 0], ['WebStandardStreamableHTTPServerTransport', 0], ['NodeStreamableHTTPServerTransport', 0], ['SSEServerTransport', 2],
]);
/** SDK helpers that validate Host (and so defeat DNS rebinding) by themselves. */
export const HOST_VALIDATING_HELPERS = new Set(['createMcpExpressApp', 'hostHeaderValidation', 'localhostHostValidation', 'createMcpHonoApp']);
/**
 * Words of a middleware's name (or its factory's) that say it admits only authenticated or
 * same-origin requests: `requireBearer`, `authMiddleware`, `createOriginValidator`. Used for
 * guards imported from another file, whose body this file does not show.
 */
export const REQUEST_GUARD_WORDS = new Set(['auth', 'authn', 'authenticate', 'authenticated', 'authentication', 'bearer', 'guard', 'origin', 'origins', 'host', 'hosts', 'rebinding', 'apikey']);
/** A verb that makes a credential word a guard: `verifyToken`, `requireApiKey`, `checkSecret`. */
export const REQUEST_GUARD_VERBS = new Set(['require', 'requires', 'ensure', 'verify', 'validate', 'check', 'protect', 'enforce']);
export const REQUEST_GUARD_OBJECTS = new Set(['token', 'key', 'secret', 'jwt', 'access', 'session', 'signature']);
/** Words of a name that is no guard though it has guard words: an authorization server's routes, CORS, metadata. */
export const NOT_GUARD_WORDS = new Set(['router', 'routes', 'route', 'callback', 'cors', 'metadata', 'handler', 'provider', 'info', 'status', 'options', 'config']);
/** Status codes that refuse a request for want of credentials or permission. */
export const REFUSAL_STATUSES = new Set([401, 403]);
/** Hosts that mean "this machine" or "every interface". */
export const LOCAL_OR_ANY_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]', '0.0.0.0', '::', '[::]']);

/** Prefilters: the words without which each rule has nothing to find. */
export const TOKEN_PASSTHROUGH_TEXT = new TextRequirement(['authorization', 'authInfo', '.auth', 'bearer']);
export const AUDIENCE_TEXT = new TextRequirement(['jwtVerify', 'jsonwebtoken', 'verifyAccessToken', 'express-jwt', 'koa-jwt', 'fast-jwt', 'passport-jwt']);
export const REDIRECT_URI_TEXT = new TextRequirement(['redirect', 'callback_ur', 'callbackur', 'return_to', 'returnto', 'return_ur', 'returnur']);
/** A token-named query key, a query or URL-parameter read, or a token written into a query string. */
export const QUERY_TOKEN_TEXT = new TextRequirement([...QUERY_TOKEN_KEYS, 'query', 'searchParams', 'token=']);
/** The credential vocabulary of the credentials model (names it classifies as secrets), plus signatures, verifiers and credential headers. */
export const SECRET_COMPARE_TEXT = new TextRequirement(
  [...CREDENTIAL_WORDS, ...CREDENTIAL_HEADER_NAMES, ...TOKEN_CONTAINER_NAMES, 'signature', 'sig', 'hmac', 'verifier', 'password', 'passwd', 'passphrase', 'x-auth', 'x-access'],
  CREDENTIAL_PHRASES.map(([first, second]) => `${first}[^a-z]*${second}`),
);
export const DNS_REBINDING_TEXT = new TextRequirement([...HTTP_SERVER_TRANSPORTS.keys(), 'createMcpExpressApp', 'tools/call', 'tools/list']);
