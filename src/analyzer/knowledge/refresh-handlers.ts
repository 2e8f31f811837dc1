/**
 * Data for `refresh-token-not-rotated`: how refresh-token grant handlers look, how they
 * generate, look up and invalidate tokens, and what an OAuth *client* refreshing against
 * someone else's token endpoint looks like (never a handler). Names are matched on the
 * last segment of a call's callee (`this.store.delete` → 'delete').
 */

/** The MCP SDK's server-side refresh hook: `exchangeRefreshToken(client, refreshToken, scopes?, resource?)`. */
export const SDK_REFRESH_METHOD = 'exchangeRefreshToken';
export const SDK_REFRESH_TOKEN_PARAMETER_INDEX = 1;

/** Keys of a token response that carry the (new or old) refresh token. */
export const REFRESH_TOKEN_KEYS = ['refresh_token', 'refreshToken'] as const;
/** Keys whose presence makes an object a token response rather than an error body. */
export const ACCESS_TOKEN_KEYS = ['access_token', 'accessToken', 'id_token', 'idToken'] as const;

/** Keys of a stored token record that hold the token itself (`stored.refreshToken`, `record.token`). */
export const RECORD_TOKEN_KEYS = new Set(['refresh_token', 'refreshToken', 'token', 'value']);
/** Keys that identify a stored token record (used to delete or update exactly that record). */
export const RECORD_IDENTITY_KEYS = new Set(['id', '_id', 'jti', 'tokenId', 'token_id', 'key', 'tokenHash', 'token_hash', 'hash', 'refreshTokenHash', 'refresh_token_hash', 'refreshTokenId', 'refresh_token_id']);
/** Keys that keep a lookup result a record (`rows[0]`, `result.rows`, `{ data }`, DynamoDB `Item`). */
export const RECORD_CONTAINER_KEYS = new Set(['rows', 'data', 'Item', 'Items', 'result', 'record', 'doc', 'document', 'value']);

/** Functions and methods that produce a fresh random or signed token. */
export const GENERATOR_NAMES = new Set([
  'randomBytes', 'randomUUID', 'getRandomValues', 'nanoid', 'uuid', 'v4', 'v7', 'uuidv4', 'uuidv7', 'ulid', 'cuid', 'createId',
  'sign', 'encrypt', 'randomString', 'generateRandomString', 'generateState',
]);
/** Leading verbs of helper names that mint a token (`generateRefreshToken`, `issueTokens`, `createTokenPair`, `rotateRefreshToken`). */
export const GENERATOR_VERBS = new Set(['generate', 'gen', 'create', 'issue', 'mint', 'make', 'new', 'random', 'sign', 'rotate']);
/** What such a helper must mint, so that `createUser` or `issueInvoice` are not generators. */
export const GENERATED_NOUNS = new Set(['token', 'tokens', 'refresh', 'secret', 'jwt', 'pair', 'grant', 'credentials', 'opaque', 'id', 'string', 'bytes', 'handle']);

/** Methods that read a stored record by a key (`map.get(t)`, `findOne({ refreshToken })`, `jwt.verify(t)`). */
export const LOOKUP_METHOD = /^(get|hget|hgetall|hmget|mget|getdel|getDel|find|findOne|findUnique|findFirst|findById|findOneBy|findBy|findUniqueOrThrow|findFirstOrThrow|select|selectFrom|query|execute|lookup|load|read|verify|decode|jwtVerify|where|first|one|single|maybeSingle|retrieve|peek|getItem|getRefreshToken|getToken)$/;

/** Method names that remove or invalidate a stored token. */
export const INVALIDATE_METHODS = new Set([
  'delete', 'del', 'unlink', 'remove', 'removeItem', 'destroy', 'deleteOne', 'deleteMany', 'findOneAndDelete', 'findByIdAndDelete',
  'findOneAndRemove', 'getdel', 'getDel', 'hdel', 'srem', 'zrem', 'replaceOne', 'findOneAndReplace', 'deleteFrom', 'evict',
  'replace', 'swap', 'rename', 'expire', 'pexpire', 'expireat', 'expireAt',
]);
/** Updates that replace a stored token in place when their payload carries a freshly generated token (`update({ where: { token }, data: { token: next } })`). */
export const REPLACING_UPDATE_METHODS = new Set([
  'update', 'updateOne', 'updateMany', 'findOneAndUpdate', 'findByIdAndUpdate', 'replaceOne', 'findOneAndReplace', 'upsert', 'modify', 'updateItem',
]);
/** Name prefixes of helpers that invalidate a token (`revokeToken`, `invalidateRefreshToken`, `markUsed`, `consumeRefreshToken`). */
export const INVALIDATE_NAME = /^(revoke|invalidate|expire|retire|consume|blacklist|denylist|blocklist|rotate|delete|remove|destroy|purge|mark\w*(used|consumed|revoked|rotated|invalid|redeemed))/i;
/** Write methods that invalidate when their payload sets a revocation flag (`update({ revoked: true })`). */
export const FLAG_WRITE_METHODS = new Set([
  'update', 'updateOne', 'updateMany', 'findOneAndUpdate', 'findByIdAndUpdate', 'set', 'hset', 'hmset', 'save', 'upsert', 'put',
  'patch', 'query', 'execute', 'run', 'exec', 'merge', 'setItem', 'updateTable', 'modify',
]);
/** Words of a property that marks a token as no longer usable (`revoked`, `revokedAt`, `usedAt`, `replacedBy`). */
export const REVOCATION_FLAG_WORDS = new Set(['revoked', 'used', 'consumed', 'invalidated', 'rotated', 'replaced', 'superseded', 'redeemed', 'blacklisted', 'retired']);
/** Flags that invalidate when set to false (`active: false`). */
export const ACTIVE_FLAG_NAMES = new Set(['active', 'valid', 'isActive', 'isValid', 'is_active', 'enabled']);
/** Status values that mean invalidated (`status: 'revoked'`). */
export const REVOKED_STATUS_VALUES = /^(revoked|used|consumed|rotated|invalid|invalidated|inactive|replaced|superseded|redeemed)$/i;
/** SQL that deletes a token row. */
export const DELETING_SQL = /\bdelete\s+from\b/i;
/** The SET clause of an SQL UPDATE (up to WHERE). */
export const SQL_SET_CLAUSE = /\bupdate\b[\s\S]*?\bset\b([\s\S]*?)(?:\bwhere\b|$)/i;
/** Columns in a SET clause that invalidate the row, or replace its token (`SET token_hash = $1`). */
export const INVALIDATING_SQL_COLUMNS = /\b(revoked|revoked_at|used|used_at|consumed|consumed_at|invalidated|rotated|rotated_at|replaced_by|active|status|\w*token\w*)\s*=/i;

/** Words that name a token family or grant, or the whole set of a user's tokens. */
export const FAMILY_WORDS = new Set(['family', 'lineage', 'chain', 'grant', 'user', 'sub', 'subject', 'session', 'sessions', 'owner', 'account']);
/** Helpers that revoke a whole family or grant (`revokeFamily`, `revokeGrant`, `revokeAllForUser`, `invalidateSessions`). */
export const FAMILY_REVOCATION_NAME = /^(revoke|invalidate|delete|remove|destroy|purge)\w*(family|families|grant|grants|all|lineage|chain|sessions?|everywhere|user)\w*$/i;
/** SQL that scopes a delete or update to a family, grant or user. */
export const FAMILY_SQL = /\b(family_?id|grant_?id|lineage|chain_?id|user_?id|session_?id|sub)\b/i;

/** Conditions that branch on the client's type (FAPI 2.0 lets confidential, sender-constrained clients keep one refresh token). */
export const CLIENT_TYPE_CONDITION = /token_endpoint_auth_method|tokenEndpointAuthMethod|client_secret|clientSecret|\bis_?public\b|\bisPublic(Client)?\b|\bpublic\b|confidential|client_?type|clientType|dpop|cnf|mtls|sender_?constrained/i;

/**
 * Calls an OAuth *client* makes to refresh against someone else's token endpoint. A handler
 * that forwards the presented token to one of these is a proxy: the upstream rotates.
 */
export const CLIENT_REFRESH_METHODS = new Set([
  'refreshAccessToken', // google-auth-library OAuth2Client, arctic providers
  'refreshToken', // google-auth-library OAuth2Client (token in, tokens out)
  'refreshTokenGrant', // openid-client 6
  'refreshTokenGrantRequest', // oauth4webapi
  'refreshAuthorization', // MCP SDK client
  'acquireTokenByRefreshToken', // @azure/msal-node
  'refreshAccessTokenAsync',
  'refreshTokens',
  'refresh', // simple-oauth2 AccessToken.refresh(), openid-client 5 client.refresh()
]);

/** Grant-type classes of OAuth server libraries that serve the refresh grant (`RefreshTokenGrantType`, `RefreshTokenGrant`). */
export const REFRESH_GRANT_CLASS = /RefreshToken_?Grant(_?Type)?\b/;
/** The method of a grant-type class that answers the token request (oauth2-server `handle`, @jmondi/oauth2-server `respondToAccessTokenRequest`). */
export const GRANT_CLASS_HANDLER_METHODS: ReadonlySet<string> = new Set(['handle', 'respondToAccessTokenRequest', 'handleRequest', 'process']);
/** Calls that show a handler answers a reused token (`revokeDescendantsOf`, `detectReuse`, `revokeFamily`). */
export const REUSE_DETECTION_WORDS = /descendants|family|families|reuse|replay|lineage|chain/i;
