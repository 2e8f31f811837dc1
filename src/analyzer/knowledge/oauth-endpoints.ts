/**
 * Where OAuth authorization requests and code exchanges go, and the shapes of the library
 * calls that make them. Read from the providers' documentation and the installed packages'
 * type declarations (google-auth-library, simple-oauth2, openid-client 5 and 6, arctic 3,
 * @azure/msal-node, @slack/oauth, @octokit/oauth-app, passport strategies, MCP SDK client).
 */
import { PROVIDERS, providerLibraryModules } from './providers/index.js';
import type { ScopeProvider } from './scopes.js';

export interface ProviderHost {
  provider: ScopeProvider;
  /** Matches the URL's host. */
  host: RegExp;
}

/** The providers' sign-in hosts (knowledge/providers/<id>.ts). */
export const PROVIDER_HOSTS: readonly ProviderHost[] = PROVIDERS.map((record) => ({ provider: record.id, host: record.hosts }));

/** Paths of authorization endpoints: the known providers' (from their records) and the conventional ones. */
export const AUTHORIZE_PATHS: readonly RegExp[] = [
  ...PROVIDERS.flatMap((record) => record.paths.authorize),
  /\/oauth\/(v2\/)?authorize\/?$/i, // Slack, GitLab, many others
  /\/authorize\/?$/i,
  /\/oauth2?\/auth\/?$/i,
];

/**
 * Provider configuration tables of OAuth proxies (`{ authorizationUrl, tokenUrl, scopes }`):
 * the key names, compared lower-cased without '_' and '-', so `authorization_endpoint`,
 * `authorizationEndpoint` and `authorizationURL` are one name.
 */
export const AUTHORIZATION_ENDPOINT_KEYS: ReadonlySet<string> = new Set([
  'authorizationurl', 'authorizeurl', 'authurl',
  'authorizationuri', 'authorizeuri', 'authuri',
  'authorizationendpoint', 'authorizeendpoint', 'authendpoint',
]);
/** Keys of a group of a provider's endpoints (`endpoints: { authorization: 'https://…/authorize', token: … }`). */
export const ENDPOINT_GROUP_KEYS: ReadonlySet<string> = new Set(['endpoints', 'urls', 'endpoint', 'oauthurls']);
/** Keys inside such a group that hold the authorize endpoint. */
export const GROUPED_AUTHORIZATION_KEYS: ReadonlySet<string> = new Set(['authorization', 'authorize', 'auth', ...AUTHORIZATION_ENDPOINT_KEYS]);
/**
 * Authorization servers that document no PKCE parameters, so a reviewer cannot add them there. Sign in with
 * Apple: the authorize request's documented parameters are client_id, redirect_uri, response_type, scope,
 * response_mode, state and nonce (developer.apple.com, "Request an authorization to the Sign in with Apple server").
 * Reddit: the authorization URL takes client_id, response_type, state, redirect_uri, duration and scope, and the
 * token request grant_type, code and redirect_uri (reddit's OAuth2 wiki, reddit-archive/reddit, "OAuth2").
 */
export const HOSTS_WITHOUT_PKCE: readonly string[] = ['appleid.apple.com', 'www.reddit.com', 'ssl.reddit.com', 'reddit.com'];
/** Keys of a provider configuration that switch PKCE on or off (`pkce: false`, `usePKCE: false`), normalised (lower case, no '_' or '-'). */
export const PKCE_SWITCH_KEYS: ReadonlySet<string> = new Set(['pkce', 'usepkce', 'enablepkce', 'pkceenabled', 'withpkce']);
/** Keys of a provider configuration that choose an authorization-code flow (`responseType: 'code'`, `grantType: 'authorization_code'`). */
export const FLOW_KEYS: ReadonlySet<string> = new Set(['responsetype', 'granttype']);
/** Keys that hold the scopes a provider configuration asks for (not `scopes_supported`, which is what a server offers). */
export const CONFIG_SCOPE_KEYS: ReadonlySet<string> = new Set(['scope', 'scopes', 'defaultscope', 'defaultscopes', 'userscope', 'userscopes']);
/** Keys whose string value may name the provider (`provider: 'github'`, `type: 'gitlab'`, `id: 'google'`). */
export const PROVIDER_NAME_KEYS: ReadonlySet<string> = new Set(['provider', 'providerid', 'providername', 'providertype', 'type', 'id', 'name']);
/** A provider's name as configuration tables spell it (lower-cased, only letters and digits). */
export const PROVIDER_NAMES: Readonly<Record<string, ScopeProvider>> = Object.fromEntries(
  PROVIDERS.flatMap((record) => record.configNames.map((name) => [name, record.id] as const)),
);

/** Paths of token endpoints: the known providers' (from their records) and the conventional ones. */
export const TOKEN_PATHS: readonly RegExp[] = [
  ...PROVIDERS.flatMap((record) => record.paths.token),
  /\/(oauth2?\/)?(v\d+(\.\d+)?\/)?token\/?$/i, // Google, Microsoft, GitLab and the conventional '/token'
  /\/access_token\/?$/i,
];

/** Paths of device authorization endpoints (RFC 8628): the known providers' (from their records) and the conventional ones. */
export const DEVICE_AUTHORIZATION_PATHS: readonly RegExp[] = [
  ...PROVIDERS.flatMap((record) => record.paths.device),
  /\/device\/code\/?$/i, // Google and others
  /\/device_authorization\/?$/i,
  /\/oauth\/device\/code\/?$/i,
];

/** Property names of request options that carry a request body or query. */
/** Parameter names (and `scope`, `scopes`, `userScopes`, `defaultScopes`) whose mention makes a file worth modelling. */
export const OAUTH_WORDS = /response_type|grant_type|code_challenge|code_verifier|client_id|redirect_uri|scope/i;

export const PAYLOAD_KEYS: readonly string[] = ['body', 'data', 'form', 'json', 'params', 'searchParams', 'query', 'qs'];

/** How a library call shows that PKCE is used. */
export type PkceEvidence =
  /** The library always sends an S256 challenge (or always sends the verifier). */
  | { via: 'always' }
  /** The library cannot send PKCE with this call. */
  | { via: 'never' }
  /** Keys in the options argument: a challenge plus its method. */
  | { via: 'challenge-options'; challengeKey: string; methodKey: string }
  /** A key in the options argument carrying the verifier; a bare code string as that argument means none. */
  | { via: 'verifier-option'; verifierKey: string; bareCodeMeansNone?: boolean }
  /**
   * A positional verifier that is there only when the call has at least `minArguments` arguments;
   * `earlierIndex`: where an earlier major version took it (read when `index` is empty or holds an options object).
   */
  | { via: 'verifier-argument'; index: number; minArguments: number; earlierIndex?: number }
  /** A positional challenge method (arctic's `createAuthorizationURLWithPKCE`). */
  | { via: 'method-argument'; index: number }
  /** An option that switches PKCE on: `true` or 'S256' (passport-oauth2's `pkce`). */
  | { via: 'flag-option'; key: string }
  /** A positional flag that switches PKCE on (Dropbox's `getAuthenticationUrl(…, usePKCE)`); absent or false means none. */
  | { via: 'flag-argument'; index: number };

export type LibraryRole = 'authorize' | 'exchange' | 'scopes';

export interface LibraryCallShape {
  /** The package, as the docs name it. */
  library: string;
  /** Import specifiers of the package (prefix match, so subpaths count). */
  modules: readonly string[];
  /** `method`: `x.name(...)`; `function`: an imported function; `constructor`: `new Exported(...)`. */
  call: 'method' | 'function' | 'constructor';
  /** Method or function name, or the exported class for constructors ('*' for any export). */
  name: string;
  /**
   * For methods with common names: the receiver must be constructed from one of these classes
   * (last name of the constructor, imported from one of `modules`); '*' means any class but
   * those in `exceptClasses`.
   */
  receiverClasses?: readonly string[];
  exceptClasses?: readonly string[];
  role: LibraryRole;
  provider?: ScopeProvider;
  /** Arctic and passport: the provider follows from the class or strategy name. */
  providerByName?: Readonly<Record<string, ScopeProvider>>;
  /** The options argument. */
  optionsArgument?: number;
  /** Keys (dotted for nested objects) of the options argument that hold scopes. */
  scopeKeys?: readonly string[];
  /** A positional argument that holds the scopes. */
  scopeArgument?: number | 'last';
  pkce?: PkceEvidence;
  /** What to pass to get PKCE, shown in the message. */
  fix?: string;
  /**
   * Keys the options argument must have for a call to be this library's: for libraries known only
   * by a module-name pattern (passport OAuth 2 strategies take `clientID` and `callbackURL`).
   */
  optionsMustHave?: readonly string[];
  /** For a framework's plugin registration (`fastify.register(plugin, options)`): the argument that must be the library itself. */
  pluginArgument?: number;
}

const GOOGLE_MODULES = providerLibraryModules('google', 'google-auth-library');
/** arctic's provider classes (`new arctic.GitHub(...)`), from the provider records. */
const ARCTIC_PROVIDERS: Record<string, ScopeProvider> = Object.fromEntries(
  PROVIDERS.flatMap((record) => (record.libraries.arcticClass ? [[record.libraries.arcticClass, record.id] as const] : [])),
);

export const LIBRARY_CALLS: readonly LibraryCallShape[] = [
  // google-auth-library / googleapis
  { library: 'google-auth-library', modules: GOOGLE_MODULES, call: 'method', name: 'generateAuthUrl', role: 'authorize', provider: 'google', optionsArgument: 0, scopeKeys: ['scope'],
    pkce: { via: 'challenge-options', challengeKey: 'code_challenge', methodKey: 'code_challenge_method' }, fix: "'code_challenge' and 'code_challenge_method: CodeChallengeMethod.S256'" },
  { library: 'google-auth-library', modules: GOOGLE_MODULES, call: 'method', name: 'getToken', receiverClasses: ['OAuth2Client', 'OAuth2'], role: 'exchange', provider: 'google', optionsArgument: 0,
    pkce: { via: 'verifier-option', verifierKey: 'codeVerifier', bareCodeMeansNone: true }, fix: "'{ code, codeVerifier }'" },
  // @google-cloud/local-auth 2 and 3: authenticate() runs the whole loopback code flow with generateAuthUrl({ scope }) and getToken(code), no PKCE option
  { library: '@google-cloud/local-auth', modules: providerLibraryModules('google', '@google-cloud/local-auth'), call: 'function', name: 'authenticate', role: 'authorize', provider: 'google', optionsArgument: 0, scopeKeys: ['scopes'],
    pkce: { via: 'never' }, fix: "a PKCE challenge through google-auth-library's 'OAuth2Client' instead ('generateCodeVerifierAsync()', 'generateAuthUrl({ code_challenge, code_challenge_method })', 'getToken({ code, codeVerifier })'): @google-cloud/local-auth has no PKCE option" },

  // dropbox SDK: DropboxAuth.getAuthenticationUrl(redirectUri, state, authType, tokenAccessType, scope, includeGrantedScopes, usePKCE)
  { library: 'dropbox', modules: providerLibraryModules('dropbox', 'dropbox'), call: 'method', name: 'getAuthenticationUrl', receiverClasses: ['DropboxAuth'], role: 'authorize', provider: 'dropbox', scopeArgument: 4,
    pkce: { via: 'flag-argument', index: 6 }, fix: "'true' as the seventh argument ('usePKCE'); the same DropboxAuth then sends the verifier in 'getAccessTokenFromCode'" },

  // simple-oauth2
  { library: 'simple-oauth2', modules: ['simple-oauth2'], call: 'method', name: 'authorizeURL', role: 'authorize', optionsArgument: 0, scopeKeys: ['scope'],
    pkce: { via: 'challenge-options', challengeKey: 'code_challenge', methodKey: 'code_challenge_method' }, fix: "'code_challenge' and 'code_challenge_method: \"S256\"'" },
  { library: 'simple-oauth2', modules: ['simple-oauth2'], call: 'method', name: 'getToken', receiverClasses: ['AuthorizationCode'], role: 'exchange', optionsArgument: 0, scopeKeys: ['scope'],
    pkce: { via: 'verifier-option', verifierKey: 'code_verifier' }, fix: "'code_verifier'" },

  // openid-client 5 (Client methods) and 6 (functions)
  { library: 'openid-client', modules: ['openid-client'], call: 'method', name: 'authorizationUrl', role: 'authorize', optionsArgument: 0, scopeKeys: ['scope'],
    pkce: { via: 'challenge-options', challengeKey: 'code_challenge', methodKey: 'code_challenge_method' }, fix: "'code_challenge' from 'generators.codeChallenge(verifier)' and 'code_challenge_method: \"S256\"'" },
  { library: 'openid-client', modules: ['openid-client'], call: 'method', name: 'callback', receiverClasses: ['Client', 'BaseClient'], role: 'exchange', optionsArgument: 2,
    pkce: { via: 'verifier-option', verifierKey: 'code_verifier' }, fix: "'{ code_verifier }' as the checks argument" },
  { library: 'openid-client', modules: ['openid-client'], call: 'method', name: 'oauthCallback', receiverClasses: ['Client', 'BaseClient'], role: 'exchange', optionsArgument: 2,
    pkce: { via: 'verifier-option', verifierKey: 'code_verifier' }, fix: "'{ code_verifier }' as the checks argument" },
  ...['buildAuthorizationUrl', 'buildAuthorizationUrlWithPAR', 'buildAuthorizationUrlWithJAR'].map((name): LibraryCallShape => ({
    library: 'openid-client', modules: ['openid-client'], call: 'function', name, role: 'authorize', optionsArgument: 1, scopeKeys: ['scope'],
    pkce: { via: 'challenge-options', challengeKey: 'code_challenge', methodKey: 'code_challenge_method' }, fix: "'code_challenge' from 'calculatePKCECodeChallenge(verifier)' and 'code_challenge_method: \"S256\"'",
  })),
  { library: 'openid-client', modules: ['openid-client'], call: 'function', name: 'authorizationCodeGrant', role: 'exchange', optionsArgument: 2,
    pkce: { via: 'verifier-option', verifierKey: 'pkceCodeVerifier' }, fix: "'{ pkceCodeVerifier }' as the checks argument" },

  // arctic 3: providers with PKCE take (state, codeVerifier, scopes); GitHub, GitLab and Slack take (state, scopes)
  { library: 'arctic', modules: ['arctic'], call: 'method', name: 'createAuthorizationURL', receiverClasses: ['*'], exceptClasses: ['OAuth2Client'], role: 'authorize', providerByName: ARCTIC_PROVIDERS, scopeArgument: 'last',
    pkce: { via: 'verifier-argument', index: 1, minArguments: 3 }, fix: "a code verifier (arctic's 'OAuth2Client.createAuthorizationURLWithPKCE' for providers without one)" },
  { library: 'arctic', modules: ['arctic'], call: 'method', name: 'validateAuthorizationCode', receiverClasses: ['*'], exceptClasses: ['OAuth2Client'], role: 'exchange', providerByName: ARCTIC_PROVIDERS,
    pkce: { via: 'verifier-argument', index: 1, minArguments: 2 }, fix: "the code verifier (arctic's 'OAuth2Client' for providers without one)" },
  { library: 'arctic', modules: ['arctic'], call: 'method', name: 'createAuthorizationURL', receiverClasses: ['OAuth2Client'], role: 'authorize', scopeArgument: 'last',
    pkce: { via: 'never' }, fix: "'createAuthorizationURLWithPKCE(endpoint, state, CodeChallengeMethod.S256, codeVerifier, scopes)'" },
  { library: 'arctic', modules: ['arctic'], call: 'method', name: 'createAuthorizationURLWithPKCE', receiverClasses: ['OAuth2Client'], role: 'authorize', scopeArgument: 'last',
    pkce: { via: 'method-argument', index: 2 } },
  { library: 'arctic', modules: ['arctic'], call: 'method', name: 'validateAuthorizationCode', receiverClasses: ['OAuth2Client'], role: 'exchange',
    pkce: { via: 'verifier-argument', index: 2, minArguments: 3 }, fix: 'the code verifier as the third argument' },

  // oauth4webapi: the verifier is positional; 'nopkce' opts out. v3 takes (as, client, clientAuth, params, redirectUri, verifier, options?),
  // v2 took (as, client, params, redirectUri, verifier, options?).
  { library: 'oauth4webapi', modules: ['oauth4webapi'], call: 'function', name: 'authorizationCodeGrantRequest', role: 'exchange',
    pkce: { via: 'verifier-argument', index: 5, minArguments: 6, earlierIndex: 4 }, fix: 'the code verifier instead of \'nopkce\'' },

  // MSAL Node
  { library: '@azure/msal-node', modules: providerLibraryModules('microsoft', '@azure/msal-node'), call: 'method', name: 'getAuthCodeUrl', role: 'authorize', provider: 'microsoft', optionsArgument: 0, scopeKeys: ['scopes'],
    pkce: { via: 'challenge-options', challengeKey: 'codeChallenge', methodKey: 'codeChallengeMethod' }, fix: "'codeChallenge' and 'codeChallengeMethod: \"S256\"' (from 'CryptoProvider.generatePkceCodes()')" },
  { library: '@azure/msal-node', modules: providerLibraryModules('microsoft', '@azure/msal-node'), call: 'method', name: 'acquireTokenByCode', role: 'exchange', provider: 'microsoft', optionsArgument: 0, scopeKeys: ['scopes'],
    pkce: { via: 'verifier-option', verifierKey: 'codeVerifier' }, fix: "'codeVerifier'" },

  // MCP SDK client: PKCE S256 is built in
  { library: '@modelcontextprotocol/sdk', modules: ['@modelcontextprotocol/sdk'], call: 'function', name: 'auth', role: 'authorize', optionsArgument: 1, scopeKeys: ['scope'], pkce: { via: 'always' } },
  { library: '@modelcontextprotocol/sdk', modules: ['@modelcontextprotocol/sdk'], call: 'function', name: 'startAuthorization', role: 'authorize', optionsArgument: 1, scopeKeys: ['scope'], pkce: { via: 'always' } },

  // Slack: install flows
  { library: '@slack/oauth', modules: [...providerLibraryModules('slack', '@slack/oauth'), ...providerLibraryModules('slack', '@slack/bolt')], call: 'constructor', name: 'InstallProvider', role: 'scopes', provider: 'slack', optionsArgument: 0, scopeKeys: ['installUrlOptions.scopes', 'installUrlOptions.userScopes'] },
  { library: '@slack/bolt', modules: providerLibraryModules('slack', '@slack/bolt'), call: 'constructor', name: 'App', role: 'scopes', provider: 'slack', optionsArgument: 0, scopeKeys: ['scopes', 'installerOptions.userScopes'] },
  { library: '@slack/oauth', modules: providerLibraryModules('slack', '@slack/oauth'), call: 'method', name: 'generateInstallUrl', role: 'scopes', provider: 'slack', optionsArgument: 0, scopeKeys: ['scopes', 'userScopes'] },
  { library: '@slack/oauth', modules: providerLibraryModules('slack', '@slack/oauth'), call: 'method', name: 'handleInstallPath', role: 'scopes', provider: 'slack', optionsArgument: 3, scopeKeys: ['scopes', 'userScopes'] },

  // Octokit OAuth apps
  { library: '@octokit/oauth-app', modules: providerLibraryModules('github', '@octokit/oauth-app'), call: 'constructor', name: 'OAuthApp', role: 'scopes', provider: 'github', optionsArgument: 0, scopeKeys: ['defaultScopes'] },
  { library: '@octokit/oauth-methods', modules: [...providerLibraryModules('github', '@octokit/oauth-methods'), ...providerLibraryModules('github', '@octokit/oauth-app')], call: 'method', name: 'getWebFlowAuthorizationUrl', role: 'scopes', provider: 'github', optionsArgument: 0, scopeKeys: ['scopes'] },
  { library: '@octokit/oauth-methods', modules: providerLibraryModules('github', '@octokit/oauth-methods'), call: 'function', name: 'getWebFlowAuthorizationUrl', role: 'scopes', provider: 'github', optionsArgument: 0, scopeKeys: ['scopes'] },

  // Passport strategies (all built on passport-oauth2, whose `pkce: true` sends an S256 challenge) and `passport.authenticate(name, { scope })`
  ...[
    ...PROVIDERS.filter((record) => record.libraries.passportStrategies.length > 0).map((record) => [record.libraries.passportStrategies, record.id] as const),
    [['passport-oauth2'], undefined] as const,
  ].map(([modules, provider]): LibraryCallShape => ({
    library: 'passport', modules, call: 'constructor', name: '*', role: 'authorize', provider, optionsArgument: 0, scopeKeys: ['scope'],
    pkce: { via: 'flag-option', key: 'pkce' }, fix: "'pkce: true' and 'state: true' in the strategy options",
  })),
  // @fastify/oauth2 (a simple-oauth2 wrapper): `fastify.register(oauthPlugin, { …, pkce: 'S256' })`; without `pkce` it sends no challenge
  { library: '@fastify/oauth2', modules: ['@fastify/oauth2', 'fastify-oauth2'], call: 'method', name: 'register', pluginArgument: 0, role: 'authorize', optionsArgument: 1, scopeKeys: ['scope'],
    pkce: { via: 'flag-option', key: 'pkce' }, fix: "'pkce: \"S256\"' in the plugin options" },
  // Any other passport strategy package for OAuth 2 (`passport-okta-oauth`, `@scope/passport-x-oauth2`); OAuth 1.0a
  // strategies take `consumerKey`, not `clientID`, and passport-local or passport-jwt take neither.
  { library: 'passport', modules: ['passport-*oauth*', '@*/passport-*oauth*'], call: 'constructor', name: '*', role: 'authorize', optionsArgument: 0, scopeKeys: ['scope'],
    optionsMustHave: ['clientID', 'callbackURL'], pkce: { via: 'flag-option', key: 'pkce' }, fix: "'pkce: true' and 'state: true' in the strategy options" },
  { library: 'passport', modules: ['passport'], call: 'method', name: 'authenticate', role: 'scopes', optionsArgument: 1, scopeKeys: ['scope'],
    providerByName: Object.fromEntries(PROVIDERS.flatMap((record) => (record.libraries.passportName ? [[record.libraries.passportName, record.id] as const] : []))) },
];

/** Type names that mark an object as OAuth client registration metadata (MCP SDK, RFC 7591). */
export const CLIENT_METADATA_TYPES: readonly string[] = ['OAuthClientMetadata', 'OAuthClientInformationFull', 'OAuthClientInformation'];
