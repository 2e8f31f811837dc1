/**
 * Where a value comes to rest: files, browser storage, key-value stores and databases.
 * Data for the `plaintext-token-storage` rule; the rule resolves receivers and imports and
 * looks the names up here. Module names are given without the `node:` prefix.
 */

/** Modules whose file-writing functions take `(path, data, options)` like `fs.writeFile`. */
export const FILE_MODULES = new Set(['fs', 'fs/promises', 'fs-extra', 'graceful-fs', 'jsonfile', 'atomically']);

/** Names an `fs` namespace commonly has in snippets that do not show its import. */
export const FS_NAMESPACE_NAMES = new Set(['fs', 'fsp', 'fse', 'fsPromises', 'fsExtra', 'fs_promises']);

export interface FileWriteSignature {
  /** Index of the data argument. */
  data: number;
  /** Index of the options argument (`{ mode }` or an encoding string), if the function takes one. */
  options?: number;
  /** `fs.write(fd, data)`: index of the file descriptor, whose `open` call may carry the mode. */
  descriptor?: number;
}

/** Functions of a file module that write their data argument to a path or descriptor. */
export const FILE_WRITE_FUNCTIONS: Readonly<Record<string, FileWriteSignature>> = {
  writeFile: { data: 1, options: 2 },
  writeFileSync: { data: 1, options: 2 },
  appendFile: { data: 1, options: 2 },
  appendFileSync: { data: 1, options: 2 },
  // fs-extra and jsonfile
  outputFile: { data: 1, options: 2 },
  outputFileSync: { data: 1, options: 2 },
  writeJson: { data: 1, options: 2 },
  writeJsonSync: { data: 1, options: 2 },
  writeJSON: { data: 1, options: 2 },
  writeJSONSync: { data: 1, options: 2 },
  outputJson: { data: 1, options: 2 },
  outputJsonSync: { data: 1, options: 2 },
  outputJSON: { data: 1, options: 2 },
  outputJSONSync: { data: 1, options: 2 },
  // descriptor writes: the mode comes from the `open`/`openSync` that made the descriptor
  write: { data: 1, descriptor: 0 },
  writeSync: { data: 1, descriptor: 0 },
};

/**
 * Imported functions whose names say they write a file, from a module whose body is not in view
 * (`import { writeJsonFile } from './fs-json.js'`, `writeJsonFile as writeMcpRemoteJSONFile`):
 * every argument after the first (the path) is written. 'Secure'/'Encrypted' writers are not matched.
 */
export const IMPORTED_FILE_WRITER_NAME = /^(write|save|output|persist)(Json|JSON|Text|Yaml|YAML)?File(Atomic|Sync|Async)?$/;

/** Modules whose default export is itself a `(path, data, options)` writer (`.sync` too). */
export const FILE_WRITER_MODULES = new Set(['write-file-atomic']);

/** `fs.createWriteStream(path, options)`: the stream's `write`/`end` store their first argument. */
export const WRITE_STREAM_FACTORIES: Readonly<Record<string, { options: number }>> = {
  createWriteStream: { options: 1 },
};
export const STREAM_WRITE_METHODS = new Set(['write', 'end']);

/** `fs.promises.open(path, flags, mode)` and `fs.openSync(path, flags, mode)`: index of the mode argument. */
export const FILE_OPENERS: Readonly<Record<string, { mode: number }>> = {
  open: { mode: 2 },
  openSync: { mode: 2 },
};
/** Methods of a `FileHandle` from `fs.promises.open` that store their first argument. */
export const FILE_HANDLE_WRITE_METHODS = new Set(['writeFile', 'write', 'appendFile']);

/** Runtime globals that write files: `Bun.write(path, data)`, `Deno.writeTextFile(path, data, options)`. */
export const RUNTIME_FILE_WRITERS: Readonly<Record<string, FileWriteSignature>> = {
  'Bun.write': { data: 1 },
  'Deno.writeTextFile': { data: 1, options: 2 },
  'Deno.writeFile': { data: 1, options: 2 },
  'Deno.writeTextFileSync': { data: 1, options: 2 },
  'Deno.writeFileSync': { data: 1, options: 2 },
};

/** Calls that tighten a file's permissions after it was written. */
export const CHMOD_FUNCTIONS = new Set(['chmod', 'chmodSync']);
/** Calls that make a directory; one with a private mode protects the files written into it. */
export const MKDIR_FUNCTIONS = new Set(['mkdir', 'mkdirSync', 'ensureDir', 'ensureDirSync', 'mkdirp', 'mkdirpSync']);

/** Web Storage objects any script on the page can read. */
export const BROWSER_STORAGE_OBJECTS = new Set(['localStorage', 'sessionStorage']);
/**
 * oidc-client(-ts) keeps the signed-in User (access, ID and refresh tokens) in the `userStore` a
 * `UserManager` is given: `userStore: new WebStorageStateStore({ store: window.localStorage })`
 * puts it in Web Storage. The library's own default (sessionStorage) is not visible in the code
 * and is not reported.
 */
export const OIDC_USER_STORE = { constructors: new Set(['WebStorageStateStore']), option: 'userStore', storeOption: 'store', label: 'User' };
/** Receivers of a server's response whose `cookie`/`setCookie`/`cookies.set` sets a cookie (Express, Fastify, Next.js). */
export const SERVER_RESPONSE_NAMES = new Set(['res', 'response', 'reply', 'resp']);
/** Functions that set a response cookie, by module: `setCookie(event, name, value, options)`. */
export const SERVER_COOKIE_FUNCTIONS: Readonly<Record<string, readonly string[]>> = {
  h3: ['setCookie'], 'hono/cookie': ['setCookie'], 'vinxi/http': ['setCookie'],
};
/** Calls that return a cookie jar whose `set(name, value, options)` sets a response cookie: Next.js `cookies()`. */
export const SERVER_COOKIE_JARS: Readonly<Record<string, readonly string[]>> = {
  'next/headers': ['cookies'],
};
/** The page's global object, indexed by a storage's name: `window[cacheLocation]`. */
export const GLOBAL_OBJECTS = new Set(['window', 'globalThis', 'self']);
/** Other browser persistence: `localforage.setItem(key, value)`, idb-keyval `set(key, value)`. */
export const BROWSER_KV_MODULES: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  localforage: { setItem: 1 },
  'idb-keyval': { set: 1, setMany: 0, update: 1 },
};
/** Extension storage: `chrome.storage.local.set({ token })`. */
export const EXTENSION_STORAGE = /^(chrome|browser)\.storage\.(local|sync|session)$/;

/** Redis-protocol clients. */
export const REDIS_MODULES = new Set(['ioredis', 'redis', '@redis/client', '@upstash/redis', '@vercel/kv', 'iovalkey']);
/** Constructors and factories of those modules that return a client. */
export const REDIS_FACTORIES = new Set(['Redis', 'Cluster', 'createClient', 'createCluster', 'fromEnv', 'kv', 'default', '']);
/** Words in a receiver's name that say it is a Redis-like store, when its construction is not in the file. */
export const REDIS_RECEIVER_WORDS = new Set(['redis', 'valkey', 'upstash', 'kv']);
/** Words of a receiver's declared type (annotation or JSDoc) that say it is a Redis client: `RedisClient`, `RedisClientType`, `Valkey`. */
export const REDIS_TYPE_WORDS = new Set(['redis', 'valkey', 'ioredis']);
/** Wrappers that return the same client with promise-returning methods (`bluebird.promisifyAll(redis.createClient())`). */
export const PROMISIFY_FUNCTIONS = new Set(['promisify', 'promisifyAll', 'fromCallback']);
/** Calls on a client that return a client for chaining (`redis.multi().set(...)`). */
export const REDIS_CHAIN_METHODS = new Set(['multi', 'pipeline', 'duplicate', 'connect', 'withTypeMapping']);
/** Redis commands that write; every argument is stored (the key too, so a raw token used as a key counts). */
export const REDIS_WRITE_METHODS = new Set([
  'set', 'setex', 'setEx', 'psetex', 'pSetEx', 'setnx', 'setNX', 'getset', 'getSet', 'hset', 'hSet', 'hmset', 'hMSet',
  'hsetnx', 'hSetNX', 'mset', 'mSet', 'msetnx', 'mSetNX', 'lpush', 'lPush', 'rpush', 'rPush', 'sadd', 'sAdd', 'zadd',
  'zAdd', 'xadd', 'xAdd',
]);
/** Cloudflare Workers KV namespaces (`env.OAUTH_KV.put(key, value)`) are recognised by this word in their name. */
export const WORKERS_KV_WORD = 'kv';
/**
 * Hosting platforms' key-value stores (their writes store the key too, so a raw token used as a
 * key counts). Cloudflare: a binding of the worker's `env` in upper case (`env.OAUTH_TOKENS.put`,
 * a KV namespace or an R2 bucket), any `put` given KV's options (`{ expirationTtl }`), and a
 * Durable Object's `ctx.storage.put`. Netlify Blobs: `getStore('tokens').set(key, value)`.
 */
export const PLATFORM_ENV_BINDING = /(^|\.)env\.[A-Z][A-Z0-9_]*$/;
export const PLATFORM_KV_PUT_METHODS = new Set(['put']);
export const KV_PUT_OPTION_KEYS = new Set(['expirationTtl', 'expiration', 'metadata']);
export const DURABLE_OBJECT_STORAGE = /(^|\.)(ctx|state)\.storage$/;
export const PLATFORM_STORE_MODULES: Readonly<Record<string, { storage: string; factories: ReadonlySet<string>; methods: ReadonlySet<string> }>> = {
  '@netlify/blobs': { storage: 'Netlify Blobs', factories: new Set(['getStore', 'getDeployStore']), methods: new Set(['set', 'setJSON']) },
};

/**
 * Persistent key-value stores built in the file: `new Store()` (electron-store), `new Conf()`,
 * `new Configstore()`, and Keyv or cache-manager when given a backing store (without one they
 * keep values in memory). Their `set(key, value)` writes to disk or a server.
 */
export const CONFIG_STORE_CONSTRUCTORS: Readonly<Record<string, { description: string; needsArgument: boolean }>> = {
  'electron-store': { description: 'a config file', needsArgument: false },
  conf: { description: 'a config file', needsArgument: false },
  configstore: { description: 'a config file', needsArgument: false },
  keyv: { description: 'a key-value store', needsArgument: true },
  'cache-manager': { description: 'a key-value store', needsArgument: true },
};
export const CONFIG_STORE_WRITE_METHODS = new Set(['set']);

/**
 * A project's own store objects and the pluggable stores of OAuth client providers and session
 * libraries: a receiver named as a store (`this.storage.put(key, tokens)`, `store.write(key, session)`,
 * `tokenStore.set(id, tokens)`) that is not built in memory persists what it is given. A key and a
 * value are both written (a raw token used as the key counts too).
 */
export const STORE_RECEIVER_WORDS = new Set(['store', 'storage', 'persistence', 'kv', 'keyv', 'vault']);
export const STORE_WRITE_METHODS = new Set(['set', 'put', 'write', 'setItem', 'save']);
/** Words of a store's class or factory that say it keeps values in memory (`new InMemoryStore()`, `createMemoryStorage()`). */
export const IN_MEMORY_STORE_WORDS = new Set(['memory', 'mem', 'inmemory', 'map', 'mock', 'fake', 'noop', 'null', 'dummy', 'test']);

/**
 * Stores whose driver the application configures elsewhere (Nitro's `useStorage('db')`, unstorage's
 * `createStorage()`: memory unless mounted): what backs them is not in the code, so their writes are not evidence.
 */
export const CONFIGURED_DRIVER_STORES: Readonly<Record<string, ReadonlySet<string>>> = {
  'nitropack/runtime': new Set(['useStorage']),
  nitropack: new Set(['useStorage']),
  '#imports': new Set(['useStorage']),
  unstorage: new Set(['createStorage']),
};

/** Constructors of in-memory collections: a token kept there is not at rest. */
export const IN_MEMORY_CONSTRUCTORS = new Set(['Map', 'WeakMap', 'Set', 'LRUCache', 'LRU', 'QuickLRU', 'NodeCache', 'TTLCache', 'TTLMap']);

/** Modules of database drivers and ORMs: a value constructed from them is a database handle. */
export const DATABASE_MODULES = new Set([
  'pg', 'postgres', '@neondatabase/serverless', '@vercel/postgres', 'mysql', 'mysql2', 'mysql2/promise', 'sqlite', 'sqlite3',
  'better-sqlite3', 'bun:sqlite', 'node:sqlite', 'mongodb', 'mongoose', '@prisma/client', 'sequelize', 'typeorm', 'knex',
  'kysely', 'drizzle-orm', '@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb', 'aws-sdk', 'firebase-admin',
  'firebase-admin/firestore', '@google-cloud/firestore', '@supabase/supabase-js', '@libsql/client', '@planetscale/database',
  'pg-promise', 'slonik', 'lowdb',
]);

/** Reads of a collection or key-value table whose record may be written back under the same key (a revocation flag). */
export const COLLECTION_READ_METHODS = new Set(['get', 'find', 'findOne', 'findMany', 'findAll', 'list', 'getAll']);

/** Words in a receiver's name (or its constructor's) that mark a database handle, model, table or transaction. */
export const DATABASE_RECEIVER_WORDS = new Set([
  'db', 'database', 'prisma', 'repo', 'repository', 'collection', 'coll', 'model', 'models', 'knex', 'kysely',
  'drizzle', 'sequelize', 'mongoose', 'mongo', 'mongodb', 'typeorm', 'orm', 'dao', 'datastore', 'firestore',
  'dynamo', 'dynamodb', 'ddb', 'supabase', 'pg', 'sql', 'sqlite', 'mysql', 'postgres', 'tx', 'trx', 'entity',
  'em', 'pouchdb', 'leveldb', 'libsql', 'turso',
]);

/** Words in an import path of a model (`import { Token } from '../models/token.js'`). */
export const MODEL_PATH_WORDS = new Set(['model', 'models', 'entity', 'entities', 'schema', 'schemas', 'db', 'database', 'orm', 'prisma']);
/** Base classes of ORM models (`class Token extends Model`). */
export const MODEL_BASE_CLASSES = new Set(['Model', 'BaseEntity', 'Document']);

/**
 * Generic write methods, valid only on a database receiver. The value says which argument
 * holds the stored data; filters (`where`, the first argument of `updateOne`) are never read.
 */
export type DataArgument = 'first' | 'second' | 'all' | 'update' | 'save';
export const DATABASE_WRITE_METHODS: Readonly<Record<string, DataArgument>> = {
  create: 'first', createMany: 'first', createManyAndReturn: 'first', bulkCreate: 'first', insert: 'first', upsert: 'first',
  save: 'save', update: 'update', put: 'all', add: 'first', set: 'first', replace: 'first',
};
/** Write methods whose names are specific to databases, valid on any receiver that is not a known non-database. */
export const DOCUMENT_WRITE_METHODS: Readonly<Record<string, DataArgument>> = {
  insertOne: 'first', insertMany: 'first', updateOne: 'second', updateMany: 'second', replaceOne: 'second',
  findOneAndUpdate: 'second', findOneAndReplace: 'second', findByIdAndUpdate: 'second', bulkWrite: 'first',
};
/** Object keys of a write's argument that hold the stored data (Prisma `data`, DynamoDB `Item`) … */
export const DATA_KEYS = new Set(['data', 'create', 'update', 'Item', 'Items', 'ExpressionAttributeValues', 'set', 'values', 'doc', 'document']);
/** … and keys that only select rows; their values are compared, not stored. */
export const FILTER_KEYS = new Set(['where', 'filter', 'select', 'include', 'orderBy', 'cursor', 'Key', 'KeyConditionExpression', 'ConditionExpression', 'TableName', 'conditions']);

/** Query-builder steps whose argument is the stored row: `db.insert(t).values({...})`, `db.update(t).set({...})`. */
export const BUILDER_DATA_STEPS: Readonly<Record<string, ReadonlySet<string>>> = {
  values: new Set(['insert', 'insertInto', 'replaceInto', 'into']),
  set: new Set(['update', 'updateTable']),
  onConflictDoUpdate: new Set(['values', 'onConflict']),
  onDuplicateKeyUpdate: new Set(['values']),
  merge: new Set(['onConflict']),
};
/** Builder steps that take a table rather than data: `db.insert(tokensTable)` is followed by `.values(...)`. */
export const TABLE_TAKING_STEPS = new Set(['insert', 'update', 'insertInto', 'updateTable', 'replaceInto']);

/** DynamoDB commands whose input carries stored attributes. */
export const DYNAMODB_WRITE_COMMANDS = new Set([
  'PutCommand', 'PutItemCommand', 'UpdateCommand', 'UpdateItemCommand', 'BatchWriteCommand', 'BatchWriteItemCommand',
  'TransactWriteCommand', 'TransactWriteItemsCommand',
]);

/** Modular Firestore: `setDoc(ref, data)`, `addDoc(collection, data)`, `updateDoc(ref, data)`. */
export const FIRESTORE_MODULES = new Set(['firebase/firestore', '@firebase/firestore', 'firebase/firestore/lite']);
export const FIRESTORE_WRITE_FUNCTIONS: Readonly<Record<string, number>> = { setDoc: 1, addDoc: 1, updateDoc: 1 };

/** SQL execution methods: the statement is the first argument (or a `{ text, values }` object). */
export const SQL_METHODS = new Set([
  'query', 'execute', 'run', 'exec', 'none', 'one', 'oneOrNone', 'many', 'manyOrNone', 'any', 'result', 'unsafe', 'raw',
  '$executeRawUnsafe', '$queryRawUnsafe',
]);
/** Methods of a prepared statement (`db.prepare(sql).run(...)`) that bind their arguments. */
export const PREPARED_STATEMENT_METHODS = new Set(['run', 'get', 'all', 'iterate', 'execute', 'bind']);
export const PREPARE_METHODS = new Set(['prepare']);

/** Modules whose calls send a value over the network rather than store it (`axios.put`, `got.post`). */
export const NON_STORAGE_MODULES = new Set([
  'axios', 'got', 'ky', 'node-fetch', 'undici', 'superagent', 'express', 'jsonwebtoken', 'jose', 'openai',
  '@anthropic-ai/sdk', 'googleapis', '@octokit/rest', 'octokit', '@slack/web-api', 'keytar', '@napi-rs/keyring',
]);

/** SQL statements that store values (after an optional CTE): `INSERT INTO`, `UPDATE t SET`, `REPLACE INTO`, `UPSERT INTO`, `MERGE INTO`. */
export const SQL_WRITE_STATEMENT = /^\s*(?:with\b[\s\S]*?\)\s*)?(insert\s+(?:or\s+\w+\s+)?into|update\s+(?:only\s+)?[\w."`\[\]?]+(?:\s+(?:as\s+)?\w+)?\s+set|replace\s+into|upsert\s+into|merge\s+into)\b/i;

/**
 * Key-value stores recognised by the declared type of the receiver or by the call that opened
 * it, one record per store: hosting platforms inject these (`env.OAUTH_KV`, `this.state.storage`),
 * so their construction is rarely in the file. `modules`: the type counts only when imported from
 * one of them (a bare `Redis` type could be anything); without `modules`, it is a platform global.
 * Every argument of a write method is stored (a raw token used as a key counts too).
 */
export interface KeyValueStoreRecord {
  /** How messages name the store. */
  store: string;
  types: readonly string[];
  modules?: readonly string[];
  /** Calls whose result is the store: `Deno.openKv()`. */
  openers?: readonly string[];
  writeMethods: readonly string[];
}

export const KEY_VALUE_STORES: readonly KeyValueStoreRecord[] = [
  { store: 'Workers KV', types: ['KVNamespace'], writeMethods: ['put'] },
  { store: "a Durable Object's storage", types: ['DurableObjectStorage'], writeMethods: ['put'] },
  { store: 'R2', types: ['R2Bucket'], writeMethods: ['put'] },
  { store: 'Deno KV', types: ['Kv'], openers: ['Deno.openKv'], writeMethods: ['set'] },
  { store: 'Vercel KV', types: ['VercelKV', 'VercelKv'], modules: ['@vercel/kv'], writeMethods: ['set', 'hset', 'setex', 'mset', 'lpush', 'rpush', 'sadd'] },
  { store: 'Upstash Redis', types: ['Redis'], modules: ['@upstash/redis'], writeMethods: ['set', 'hset', 'setex', 'mset', 'lpush', 'rpush', 'sadd'] },
  { store: 'Redis', types: ['Redis', 'RedisClientType', 'Cluster'], modules: ['ioredis', 'redis', '@redis/client', 'iovalkey'], writeMethods: ['set', 'hset', 'hmset', 'setex', 'mset', 'lpush', 'rpush', 'sadd', 'xadd'] },
  { store: 'Keyv', types: ['Keyv'], modules: ['keyv'], writeMethods: ['set'] },
];
