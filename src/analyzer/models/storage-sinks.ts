import { ts } from '../engine/typescript.js';
import { dottedName, findAncestor, functionName, UNKNOWN, type ValueResolver } from '../engine/values.js';
import type { Declaration } from '../engine/walk.js';
import { propertyNameText } from '../engine/walk.js';
import { normalisedModuleRefOf, type ModuleRef } from '../engine/modules.js';
import { declaredTypeOf } from '../engine/declared-types.js';
import { credentialsFor, splitWords, type CredentialMatch } from './credentials.js';
import type { CipherWeakness } from '../knowledge/encryption.js';
import { constructionsOf, constructorName, forEachDescendant, own, ProtectionModel, shortName, type Inspection } from './protection.js';
import * as sinks from '../knowledge/storage-sinks.js';

/**
 * Where credentials are stored: files, browser storage, cookies, key-value stores, SQL and ORM
 * adapters, config stores and store-shaped receivers (knowledge/storage-sinks.ts), and whether
 * what reaches them is protected (encrypted, hashed, wrapped by a KMS). The rule words verdicts.
 */

export type SinkKind = 'file' | 'browser' | 'cookie' | 'server-cookie' | 'store';

/** One storing call judged: what it stores, where, and how (un)protected. */
export interface StorageVerdict {
  kind: 'plaintext' | 'weak-cipher' | 'encrypted-file-without-mode';
  /** Where a finding goes: the credential inside the call, else the stored argument, else the call. */
  node: ts.Node;
  /** The credential as a reader names it. */
  credential: string;
  sink: { kind: SinkKind; name: string; storage?: string };
  cipher?: { algorithm: string; weakness: CipherWeakness };
  /** Encrypted-file verdicts: the mode the code sets instead of an owner-only one. */
  fileMode?: { modeSet?: string };
}

interface Sink {
  kind: SinkKind;
  /** The call, `new` or assignment that stores; findings are placed inside it. */
  node: ts.Node;
  name: string;
  /** 'localStorage', 'Redis', 'a database' … */
  storage?: string;
  /** The stored expressions. */
  values: ts.Expression[];
  /** A key-value sink's key, whose literal name may say what is stored ('access_token'). */
  key?: ts.Expression;
  /** The key when it is a property name (`localStorage.accessToken = …`). */
  keyText?: string;
  /** For files: where to look for a private mode. */
  file?: {
    options?: ts.Expression; opener?: { call: ts.CallExpression; modeArgument: number; optionsArgument?: number }; path?: ts.Expression;
    /** The mode is set inside an imported writer whose body is not in view. */
    modeUnseen?: boolean;
  };
  /**
   * A sink inside a helper of another module, judged at a call of the helper in the analysed file:
   * reported only when the credential is one of that call's arguments (the call gives the helper its meaning).
   */
  viaHelperCall?: ts.CallExpression;
}

/** Calls looked at inside one imported helper: enough for a store helper, bounded for a big module. */
const MAX_HELPER_CALLS = 64;
/** Names of a store class's methods that persist their arguments (`write`, `saveTokens`, `setCredentials`). */
const STORE_CLASS_METHOD = /^(write|save|set|put|store|persist|upsert|insert)([A-Z_]|$)/;

/** Flow secrets that are single-use and short-lived: keeping them for the redirect is the documented pattern. */
const TRANSIENT_FLOW_WORDS = new Set(['verifier', 'pkce', 'state', 'nonce']);

/** Words that name a revocation (deny) list: `revokedTokens`, `tokenBlacklist`, `jwt_blocklist`, `denylist:`. */
const REVOCATION_LIST_WORDS = new Set(['revoked', 'revocation', 'revocations', 'blacklist', 'blacklisted', 'blocklist', 'blocklisted', 'denylist', 'denylisted']);

/** The table an INSERT/REPLACE/UPSERT/UPDATE/MERGE statement writes. */
const SQL_TARGET_TABLE = /^\s*(?:(?:insert|replace|upsert|merge)(?:\s+or\s+\w+)?\s+into|update)\s+["'`\[]?([\w.]+)/i;

/** Every method name that some sink matcher below recognises; derived from the knowledge tables, not a second list. */
const SINK_METHOD_NAMES: ReadonlySet<string> = new Set([
  ...Object.keys(sinks.FILE_WRITE_FUNCTIONS), ...sinks.STREAM_WRITE_METHODS, ...sinks.FILE_HANDLE_WRITE_METHODS,
  ...Object.keys(sinks.RUNTIME_FILE_WRITERS).map((name) => name.slice(name.lastIndexOf('.') + 1)), 'sync',
  'setItem', 'set', 'setJSON', 'cookie', 'setCookie', ...Object.values(sinks.BROWSER_KV_MODULES).flatMap((methods) => Object.keys(methods)),
  'put', ...sinks.REDIS_WRITE_METHODS, ...sinks.CONFIG_STORE_WRITE_METHODS, ...sinks.PREPARED_STATEMENT_METHODS, ...sinks.SQL_METHODS,
  ...Object.keys(sinks.FIRESTORE_WRITE_FUNCTIONS), ...Object.keys(sinks.BUILDER_DATA_STEPS), ...Object.keys(sinks.DOCUMENT_WRITE_METHODS),
  ...Object.keys(sinks.DATABASE_WRITE_METHODS), 'write', ...sinks.STORE_WRITE_METHODS,
]);

export class StorageAnalysis {
  private readonly values;
  private readonly tokens;
  private readonly reported = new Set<ts.Node>();
  /** Call arguments a finding was moved to from inside a generic helper (callerArgument). */
  private readonly reportedArguments = new Set<ts.Node>();
  /** Whether what reaches a sink is protected (encrypted, hashed, wrapped by a KMS). */
  private readonly protection: ProtectionModel;
  /** `obj.key = value` and `obj.list.push(value)` seen so far, by the root object's declaration (shared with the protection model). */
  private readonly memberWrites: Map<Declaration, Array<{ key?: string; value: ts.Expression }>>;

  constructor(
    values: ValueResolver,
    private readonly onVerdict: (verdict: StorageVerdict) => void,
  ) {
    this.values = values;
    this.tokens = credentialsFor(values);
    // `new Token({ accessToken })`, and `new OAuthTokensModel({ … })` where the model comes from `mongoose.model(…)`
    this.protection = new ProtectionModel(values, (expression) => this.isModelClass(expression) || this.isDatabaseReceiver(expression));
    this.memberWrites = this.protection.memberWrites;
  }

  // ----- visitors ------------------------------------------------------------------------------

  visitCall(call: ts.CallExpression): void {
    this.recordPush(call);
    const sink = this.sinkOf(call);
    if (sink) this.check(sink);
    else if (call.arguments.length > 0 && this.values.comesFromScan(call.expression)) this.checkImportedHelper(call);
    else if (call.arguments.length > 0) this.checkStoreClassMethod(call);
  }

  /**
   * `this.credentialStore.write({ API_ACCESS_TOKEN: token })` where the receiver is built by
   * `new DotEnvCredentialStore()`, a class of the scan whose `write` writes a file or a store:
   * judged at this call, whose arguments the method persists. A method that never reads a
   * parameter, or a receiver whose construction is not seen, is not evidence.
   */
  private checkStoreClassMethod(call: ts.CallExpression): void {
    const callee = this.values.unwrap(call.expression);
    if (!ts.isPropertyAccessExpression(callee) || callee.expression.kind === ts.SyntaxKind.ThisKeyword || !STORE_CLASS_METHOD.test(callee.name.text)) return;
    const method = this.constructedClassMethod(callee.expression, callee.name.text);
    if (!method?.body || !method.parameters.some((parameter) => this.readsParameter(method, parameter))) return;
    const inner = this.sinksInBody(method, method.body)[0];
    if (!inner) return;
    this.check({ ...inner, node: call, name: `${shortName(callee)}' → '${inner.name}`, values: [...call.arguments], key: undefined, keyText: undefined, viaHelperCall: call });
  }

  /** The sinks a helper's body calls directly (its first MAX_HELPER_CALLS calls), found once per helper. */
  private sinksInBody(fn: ts.Node, body: ts.Node): Sink[] {
    let found = this.helperSinks.get(fn);
    if (!found) {
      const sinks: Sink[] = [];
      let seen = 0;
      forEachDescendant(body, (node) => {
        if (ts.isCallExpression(node)) {
          seen++;
          const sink = this.sinkOf(node);
          if (sink) sinks.push(sink);
        }
        return seen < MAX_HELPER_CALLS;
      });
      this.helperSinks.set(fn, (found = sinks));
    }
    return found;
  }

  /** The method `name` of the class a receiver is constructed from (`new Store()`, here or imported from the scan). */
  private constructedClassMethod(receiver: ts.Expression, name: string): ts.MethodDeclaration | undefined {
    for (const origin of this.receiverOrigins(receiver)) {
      if (!ts.isNewExpression(origin)) continue;
      const constructor = this.values.unwrap(origin.expression);
      if (!ts.isIdentifier(constructor)) continue;
      let declaration = this.values.declarationOf(constructor);
      if (declaration?.kind === 'import') {
        const target = this.values.importTarget(declaration);
        declaration = target?.kind === 'declaration' ? target.declaration : undefined;
      }
      if (declaration?.kind !== 'class' || !ts.isClassLike(declaration.node)) continue;
      const method = declaration.node.members.find((member): member is ts.MethodDeclaration =>
        ts.isMethodDeclaration(member) && !!member.body && propertyNameText(member.name) === name);
      if (method) return method;
    }
    return undefined;
  }

  private readsParameter(fn: ts.FunctionLikeDeclaration, parameter: ts.ParameterDeclaration): boolean {
    if (!ts.isIdentifier(parameter.name) || !fn.body) return false;
    const name = parameter.name.text;
    let read = false;
    forEachDescendant(fn.body, (node) => {
      if (ts.isIdentifier(node) && node.text === name && node !== parameter.name) read = true;
      return !read;
    });
    return read;
  }

  private sinkOf(call: ts.CallExpression): Sink | undefined {
    if (!this.mayStore(call)) return undefined;
    return this.fileSink(call) ?? this.browserSink(call) ?? this.serverCookieSink(call) ?? this.redisSink(call) ?? this.keyValueSink(call) ?? this.configStoreSink(call) ??
      this.sqlSink(call) ?? this.databaseSink(call) ?? this.lowdbSink(call) ?? this.storeShapedSink(call);
  }

  /** Sinks inside each helper of another module, found once per helper. */
  private readonly helperSinks = new Map<ts.Node, Sink[]>();

  /**
   * `save('token', tokens.access_token)` where `save` is a helper of another module of the scan
   * that stores its parameter: judged here, at the call that gives the generic helper its meaning.
   */
  private checkImportedHelper(call: ts.CallExpression): void {
    const fn = this.values.calledFunction(call);
    if (!fn?.body || !this.values.isInOtherFile(fn)) return;
    // `setAuthTokens(tokens)` writing its own `tokens`: a token-specific helper, reported in its own file.
    const name = functionName(fn);
    if (name && this.tokens.classifyName(name) === 'credential' &&
        fn.parameters.some((parameter) => ts.isIdentifier(parameter.name) && this.tokens.classifyName(parameter.name.text) === 'credential')) return;
    for (const sink of this.sinksInBody(fn, fn.body)) {
      this.check({ ...sink, node: call, name: `${shortName(call.expression)}' → '${sink.name}`, viaHelperCall: call });
    }
  }

  visitNew(node: ts.NewExpression): void {
    const name = this.constructorName(node.expression);
    if (name && sinks.OIDC_USER_STORE.constructors.has(name)) return this.checkOidcUserStore(node, name);
    if (!name || !sinks.DYNAMODB_WRITE_COMMANDS.has(name)) return;
    const input = node.arguments?.[0];
    if (!input) return;
    this.check({ kind: 'store', node, name, storage: 'DynamoDB', values: this.storedParts(input) });
  }

  /** `userStore: new WebStorageStateStore({ store: window.localStorage })`: the OIDC User, tokens and all, in Web Storage. */
  private checkOidcUserStore(node: ts.NewExpression, name: string): void {
    let holder: ts.Node = node;
    while (holder.parent && (ts.isParenthesizedExpression(holder.parent) || ts.isConditionalExpression(holder.parent) ||
        (ts.isBinaryExpression(holder.parent) && holder.parent.right === holder &&
         [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(holder.parent.operatorToken.kind)))) holder = holder.parent;
    const option = holder.parent;
    if (!option || !ts.isPropertyAssignment(option) || option.initializer !== holder || propertyNameText(option.name) !== sinks.OIDC_USER_STORE.option) return;
    const settings = node.arguments?.[0];
    const store = settings ? this.values.objectProperties(settings)?.get(sinks.OIDC_USER_STORE.storeOption) : undefined;
    const storeNode = store ? this.values.unwrap(store) : undefined;
    const storage = storeNode && (ts.isIdentifier(storeNode) || ts.isPropertyAccessExpression(storeNode)) ? dottedName(storeNode).split('.').pop() ?? '' : '';
    if (!storeNode || !sinks.BROWSER_STORAGE_OBJECTS.has(storage) || !this.isGlobalReference(storeNode)) return;
    const sink: Sink = { kind: 'browser', node, name, storage, values: [] };
    this.report(sink, { label: sinks.OIDC_USER_STORE.label, origin: 'sdk', node }, node, 'plaintext');
  }

  visitAssignment(node: ts.BinaryExpression): void {
    if (node.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
    const left = this.values.unwrap(node.left);
    if (!ts.isPropertyAccessExpression(left) && !ts.isElementAccessExpression(left)) return;
    const target = dottedName(left.expression);
    const lastSegment = target.split('.').pop() ?? '';
    if (sinks.BROWSER_STORAGE_OBJECTS.has(lastSegment) && this.isGlobalReference(left.expression)) {
      this.check({
        kind: 'browser', node, name: shortName(left), storage: lastSegment, values: [node.right],
        key: ts.isElementAccessExpression(left) ? left.argumentExpression : undefined,
        keyText: ts.isPropertyAccessExpression(left) ? left.name.text : undefined,
      });
      return;
    }
    if (ts.isPropertyAccessExpression(left) && left.name.text === 'cookie' && /(^|\.)document$/.test(target)) {
      this.check({ kind: 'cookie', node, name: 'document.cookie', values: [node.right] });
      return;
    }
    const root = rootIdentifier(left);
    const declaration = root && this.values.declarationOf(root);
    if (declaration) this.addMemberWrite(declaration, { key: this.values.memberName(left), value: node.right });
  }

  visitTaggedTemplate(node: ts.TaggedTemplateExpression): void {
    const template = node.template;
    if (!ts.isTemplateExpression(template)) return;
    const text = template.head.text + template.templateSpans.map((span, index) => `\u0001${index}\u0001${span.literal.text}`).join('');
    const slots = storedSqlSlots(text);
    if (!slots) return;
    const storedIndexes = new Set(slots.stored.flatMap((slot) => (slot.kind === 'inline' ? [slot.index] : [])));
    const tagText = node.tag.getText();
    const stored: ts.Expression[] = [];
    template.templateSpans.forEach((span, index) => {
      if (!storedIndexes.has(index)) return;
      const expression = this.values.unwrap(span.expression);
      // postgres.js `sql(row, 'col')` inside the template: the row is the stored value.
      if (ts.isCallExpression(expression) && expression.expression.getText() === tagText && expression.arguments[0]) stored.push(expression.arguments[0]);
      else stored.push(span.expression);
    });
    if (stored.length) this.check({ kind: 'store', node, name: `${shortName(node.tag)}\`…\``, storage: 'a database', values: stored });
  }

  // ----- sinks ---------------------------------------------------------------------------------

  /**
   * A cheap first test before the sink matchers: a method call must use a name some sink knows,
   * and a plain call must go through an import or a local alias (`writeFileSync(…)`,
   * `const write = fs.writeFile`). Calls of globals, parameters and local functions store nothing.
   */
  private mayStore(call: ts.CallExpression): boolean {
    const callee = this.values.unwrap(call.expression);
    if (ts.isPropertyAccessExpression(callee)) return SINK_METHOD_NAMES.has(callee.name.text);
    if (ts.isIdentifier(callee)) {
      const kind = this.values.declarationOf(callee)?.kind;
      return kind === 'import' || kind === 'variable';
    }
    return true;
  }

  private fileSink(call: ts.CallExpression): Sink | undefined {
    const callee = this.values.unwrap(call.expression);
    const name = shortName(callee);
    const ref = this.moduleRefOf(callee) ?? this.fsFallbackRef(callee);
    if (ref && ref.path.length === 1) {
      const fn = ref.path[0]!;
      const signature = sinks.FILE_MODULES.has(ref.module) ? own(sinks.FILE_WRITE_FUNCTIONS, fn) : undefined;
      if (signature) {
        const data = call.arguments[signature.data];
        if (!data) return undefined;
        const file: Sink['file'] = { options: signature.options !== undefined ? call.arguments[signature.options] : undefined, path: call.arguments[0] };
        if (signature.descriptor !== undefined) {
          const opener = this.fileOpener(call.arguments[signature.descriptor]);
          if (!opener) return undefined; // `fs.write(fd, …)` on a descriptor this file did not open: maybe a socket
          file.opener = opener;
          file.path = opener.call.arguments[0];
        }
        return { kind: 'file', node: call, name, values: [data], file };
      }
    }
    if (ref && sinks.FILE_WRITER_MODULES.has(ref.module) && (ref.path.length === 0 || (ref.path.length === 1 && ref.path[0] === 'sync'))) {
      const data = call.arguments[1];
      return data ? { kind: 'file', node: call, name, values: [data], file: { options: call.arguments[2], path: call.arguments[0] } } : undefined;
    }
    // `writeJsonFile(path, tokens)` imported from a helper module or package: named for what it does.
    if (ref && ref.path.length === 1 && ts.isIdentifier(callee) && sinks.IMPORTED_FILE_WRITER_NAME.test(ref.path[0]!) && !this.isNonStorageModule(ref) &&
        call.arguments.length >= 2) {
      return { kind: 'file', node: call, name, values: call.arguments.slice(1), file: { path: call.arguments[0], modeUnseen: true } };
    }
    const runtime = own(sinks.RUNTIME_FILE_WRITERS, dottedName(callee));
    if (runtime && ts.isPropertyAccessExpression(callee) && this.isGlobalReference(callee.expression)) {
      const data = call.arguments[runtime.data];
      return data ? { kind: 'file', node: call, name, values: [data], file: { options: runtime.options !== undefined ? call.arguments[runtime.options] : undefined, path: call.arguments[0] } } : undefined;
    }
    // Streams from `createWriteStream` and handles from `fs.promises.open`.
    if (!ts.isPropertyAccessExpression(callee)) return undefined;
    const method = callee.name.text;
    if (!sinks.STREAM_WRITE_METHODS.has(method) && !sinks.FILE_HANDLE_WRITE_METHODS.has(method)) return undefined;
    const data = call.arguments[0];
    if (!data) return undefined;
    for (const origin of this.constructionsOf(callee.expression)) {
      if (!ts.isCallExpression(origin)) continue;
      const originRef = this.moduleRefOf(origin.expression) ?? this.fsFallbackRef(this.values.unwrap(origin.expression));
      if (!originRef || !sinks.FILE_MODULES.has(originRef.module) || originRef.path.length !== 1) continue;
      const factory = own(sinks.WRITE_STREAM_FACTORIES, originRef.path[0]!);
      if (factory && sinks.STREAM_WRITE_METHODS.has(method)) {
        return { kind: 'file', node: call, name, values: [data], file: { options: origin.arguments[factory.options], path: origin.arguments[0] } };
      }
      const opener = own(sinks.FILE_OPENERS, originRef.path[0]!);
      if (opener && originRef.module === 'fs/promises' && sinks.FILE_HANDLE_WRITE_METHODS.has(method)) {
        return { kind: 'file', node: call, name, values: [data], file: { opener: { call: origin, modeArgument: opener.mode }, path: origin.arguments[0] } };
      }
    }
    return undefined;
  }

  /** The `open`/`openSync` call that produced a file descriptor. */
  private fileOpener(descriptor: ts.Expression | undefined): NonNullable<Sink['file']>['opener'] | undefined {
    if (!descriptor) return undefined;
    for (const origin of this.constructionsOf(descriptor)) {
      if (!ts.isCallExpression(origin)) continue;
      const ref = this.moduleRefOf(origin.expression) ?? this.fsFallbackRef(this.values.unwrap(origin.expression));
      const opener = ref && sinks.FILE_MODULES.has(ref.module) && ref.path.length === 1 ? own(sinks.FILE_OPENERS, ref.path[0]!) : undefined;
      if (opener) return { call: origin, modeArgument: opener.mode };
    }
    return undefined;
  }

  /** `fs.writeFile` where `fs` is not declared in the file (a snippet): trust the conventional names. */
  private fsFallbackRef(callee: ts.Expression): ModuleRef | undefined {
    if (!ts.isPropertyAccessExpression(callee)) return undefined;
    const receiver = this.values.unwrap(callee.expression);
    if (ts.isIdentifier(receiver) && sinks.FS_NAMESPACE_NAMES.has(receiver.text) && !this.values.declarationOf(receiver)) {
      return { module: receiver.text === 'fse' || receiver.text === 'fsExtra' ? 'fs-extra' : receiver.text === 'fs' ? 'fs' : 'fs/promises', path: [callee.name.text] };
    }
    if (ts.isPropertyAccessExpression(receiver) && receiver.name.text === 'promises' && ts.isIdentifier(receiver.expression) &&
        receiver.expression.text === 'fs' && !this.values.declarationOf(receiver.expression)) {
      return { module: 'fs/promises', path: [callee.name.text] };
    }
    return undefined;
  }

  private browserSink(call: ts.CallExpression): Sink | undefined {
    const callee = this.values.unwrap(call.expression);
    if (ts.isPropertyAccessExpression(callee)) {
      const receiver = dottedName(callee.expression);
      const storage = receiver.split('.').pop() ?? '';
      if (callee.name.text === 'setItem' && sinks.BROWSER_STORAGE_OBJECTS.has(storage) && this.isGlobalReference(callee.expression)) {
        const value = call.arguments[1];
        return value ? { kind: 'browser', node: call, name: shortName(callee), storage, values: [value], key: call.arguments[0] } : undefined;
      }
      // `this._storage = localStorage` (or `options.storage || window.localStorage`), then `this._storage.setItem(key, token)`.
      const defaultStorage = callee.name.text === 'setItem' && call.arguments[1] ? this.browserStorageBehind(callee.expression) : undefined;
      if (defaultStorage) {
        return { kind: 'browser', node: call, name: shortName(callee), storage: defaultStorage, values: [call.arguments[1]!], key: call.arguments[0] };
      }
      const namedStorage = callee.name.text === 'setItem' && call.arguments[1] ? this.browserStorageByName(callee.expression) : undefined;
      if (namedStorage) {
        const text = callee.getText().replace(/\s+/g, '');
        return { kind: 'browser', node: call, name: text.length <= 60 ? text : shortName(callee), storage: namedStorage, values: [call.arguments[1]!], key: call.arguments[0] };
      }
      if (callee.name.text === 'set' && sinks.EXTENSION_STORAGE.test(receiver)) {
        const value = call.arguments[0];
        return value ? { kind: 'browser', node: call, name: shortName(callee), storage: receiver, values: [value] } : undefined;
      }
    }
    const ref = this.moduleRefOf(callee);
    const methods = ref && own(sinks.BROWSER_KV_MODULES, ref.module);
    const index = ref && methods && ref.path.length === 1 ? own(methods, ref.path[0]!) : undefined;
    if (ref && index !== undefined) {
      const value = call.arguments[index];
      return value ? { kind: 'browser', node: call, name: shortName(callee), storage: ref.module === 'idb-keyval' ? 'IndexedDB' : ref.module, values: [value], key: index > 0 ? call.arguments[0] : undefined } : undefined;
    }
    return undefined;
  }

  /**
   * A cookie the server sets without `httpOnly: true` (Express `res.cookie`, Fastify `reply.setCookie`,
   * h3/Hono `setCookie(event, …)`, Next.js `cookies().set`/`response.cookies.set`): page scripts can read it.
   * Options the analysis cannot see (a variable, a spread of configured flags) are not evidence: silent.
   * Koa's `ctx.cookies.set` is HttpOnly by default and is not matched.
   */
  private serverCookieSink(call: ts.CallExpression): Sink | undefined {
    const callee = this.values.unwrap(call.expression);
    let nameIndex: number | undefined;
    let label = shortName(callee);
    if (ts.isPropertyAccessExpression(callee)) {
      const method = callee.name.text;
      const receiver = this.values.unwrap(callee.expression);
      const owner = lastWordOf(dottedName(receiver));
      if ((method === 'cookie' || method === 'setCookie') && sinks.SERVER_RESPONSE_NAMES.has(owner)) nameIndex = 0;
      else if (method === 'set' && ts.isPropertyAccessExpression(receiver) && receiver.name.text === 'cookies' &&
        sinks.SERVER_RESPONSE_NAMES.has(lastWordOf(dottedName(receiver.expression)))) nameIndex = 0;
      else if (method === 'set' && ts.isCallExpression(receiver)) {
        const ref = this.moduleRefOf(receiver.expression);
        if (ref && own(sinks.SERVER_COOKIE_JARS, ref.module)?.includes(ref.path.join('.'))) {
          nameIndex = 0;
          label = `${ref.path.join('.')}().set`;
        }
      }
    } else {
      const ref = this.moduleRefOf(callee);
      if (ref && own(sinks.SERVER_COOKIE_FUNCTIONS, ref.module)?.includes(ref.path.join('.'))) nameIndex = 1;
    }
    if (nameIndex === undefined) return undefined;
    const value = call.arguments[nameIndex + 1];
    if (!value || this.cookieIsHttpOnly(call.arguments[nameIndex + 2]) !== false) return undefined;
    return { kind: 'server-cookie', node: call, name: label, storage: 'a cookie', values: [value], key: call.arguments[nameIndex] };
  }

  /** true: `httpOnly` is set (or not false); false: the options visibly leave it out; undefined: cannot tell. */
  private cookieIsHttpOnly(options: ts.Expression | undefined): boolean | undefined {
    if (!options) return false;
    const origins = this.values.origins(options);
    const literal = origins.length === 1 ? origins[0]! : undefined;
    if (!literal || !ts.isObjectLiteralExpression(literal)) return undefined;
    let httpOnly: ts.Expression | undefined;
    for (const property of literal.properties) {
      if (ts.isSpreadAssignment(property)) {
        const spread = this.values.objectProperties(property.expression);
        if (!spread) return undefined;
        for (const [key, value] of spread) if (/^httponly$/i.test(key)) httpOnly = value;
      } else if ((ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property)) && /^httponly$/i.test(propertyNameText(property.name) ?? '')) {
        httpOnly = ts.isPropertyAssignment(property) ? property.initializer : property.name;
      } else if (!ts.isPropertyAssignment(property) && !ts.isShorthandPropertyAssignment(property)) return undefined;
    }
    if (!httpOnly) return false;
    return this.values.unwrap(httpOnly).kind !== ts.SyntaxKind.FalseKeyword;
  }

  private redisSink(call: ts.CallExpression): Sink | undefined {
    const callee = this.values.unwrap(call.expression);
    if (!ts.isPropertyAccessExpression(callee) || call.arguments.length === 0) return undefined;
    const method = callee.name.text;
    const receiverWords = splitWords(dottedName(callee.expression));
    if (method === 'put' && receiverWords.includes(sinks.WORKERS_KV_WORD) && !this.isInMemory(callee.expression)) {
      return { kind: 'store', node: call, name: shortName(callee), storage: 'Workers KV', values: [...call.arguments] };
    }
    const platform = this.platformStore(call, callee);
    if (platform) return { kind: 'store', node: call, name: shortName(callee), storage: platform, values: [...call.arguments].slice(0, 2) };
    if (!sinks.REDIS_WRITE_METHODS.has(method) || !this.isRedisClient(callee.expression)) return undefined;
    return { kind: 'store', node: call, name: shortName(callee), storage: 'Redis', values: [...call.arguments] };
  }

  /** A hosting platform's key-value store: a Cloudflare binding or Durable Object storage, Netlify Blobs. */
  private platformStore(call: ts.CallExpression, callee: ts.PropertyAccessExpression): string | undefined {
    const method = callee.name.text;
    if (sinks.PLATFORM_KV_PUT_METHODS.has(method) && call.arguments.length >= 2) {
      const receivers = [callee.expression, ...this.constructionsOf(callee.expression)].map((node) => dottedName(this.values.unwrap(node)));
      if (receivers.some((name) => sinks.PLATFORM_ENV_BINDING.test(name))) return 'Workers KV';
      if (receivers.some((name) => sinks.DURABLE_OBJECT_STORAGE.test(name))) return 'Durable Object storage';
      const options = call.arguments[2] ? this.values.objectProperties(call.arguments[2]) : undefined;
      if (options && [...options.keys()].some((key) => sinks.KV_PUT_OPTION_KEYS.has(key)) && !this.isInMemory(callee.expression)) return 'Workers KV';
    }
    for (const origin of this.constructionsOf(callee.expression)) {
      if (!ts.isCallExpression(origin)) continue;
      const ref = this.moduleRefOf(origin.expression);
      const store = ref && own(sinks.PLATFORM_STORE_MODULES, ref.module);
      if (store && ref.path.length === 1 && store.factories.has(ref.path[0]!) && store.methods.has(method)) return store.storage;
    }
    return undefined;
  }

  /** A write to a store of a hosting platform or a KV client, known by the receiver's declared type or by the call that opened it. */
  private keyValueSink(call: ts.CallExpression): Sink | undefined {
    const callee = this.values.unwrap(call.expression);
    if (!ts.isPropertyAccessExpression(callee) || call.arguments.length === 0) return undefined;
    const record = this.keyValueStoreOf(callee.expression);
    if (!record || !record.writeMethods.includes(callee.name.text)) return undefined;
    return { kind: 'store', node: call, name: shortName(callee), storage: record.store, values: [...call.arguments] };
  }

  private keyValueStoreOf(receiver: ts.Expression): sinks.KeyValueStoreRecord | undefined {
    const type = declaredTypeOf(receiver, this.values);
    if (type) {
      const byType = sinks.KEY_VALUE_STORES.find((record) => record.types.includes(type.name) &&
        (record.modules ? type.module !== undefined && record.modules.includes(type.module) : type.module === undefined));
      if (byType) return byType;
    }
    for (const origin of this.constructionsOf(receiver)) {
      if (!ts.isCallExpression(origin)) continue;
      const opener = dottedName(this.values.unwrap(origin.expression));
      const opened = sinks.KEY_VALUE_STORES.find((record) => record.openers?.includes(opener));
      if (opened) return opened;
    }
    return undefined;
  }

  private isRedisClient(receiver: ts.Expression): boolean {
    const client = this.stripChain(receiver, sinks.REDIS_CHAIN_METHODS);
    let resolved = false;
    for (const origin of this.memberConstructionsOf(client)) {
      const construction = this.stripChain(this.unpromisified(origin), sinks.REDIS_CHAIN_METHODS);
      if (ts.isNewExpression(construction) || ts.isCallExpression(construction)) {
        resolved = true;
        const ref = this.moduleRefOf(construction.expression);
        if (ref && sinks.REDIS_MODULES.has(ref.module)) return true;
        if (ref && own(sinks.CONFIG_STORE_CONSTRUCTORS, ref.module)) return false;
      } else if (ts.isIdentifier(construction)) {
        const ref = this.moduleRefOf(construction);
        if (ref && sinks.REDIS_MODULES.has(ref.module)) return true;
      } else if (ts.isObjectLiteralExpression(construction)) resolved = true;
    }
    if (resolved && this.isInMemory(client)) return false;
    if (!resolved && this.declaredTypeWords(client).some((word) => sinks.REDIS_TYPE_WORDS.has(word))) return true;
    return splitWords(dottedName(client)).some((word) => sinks.REDIS_RECEIVER_WORDS.has(word)) && !this.isInMemory(client);
  }

  /**
   * Words of the type a receiver's declaration gives it, JSDoc included: `client: RedisClientType`,
   * `@param {RedisClient} client` followed by `this.client = client`. Compiled stores keep only the JSDoc.
   */
  private declaredTypeWords(receiver: ts.Expression): string[] {
    const node = this.values.unwrap(receiver);
    const sources = isThisMember(node) ? this.thisMemberValues(node).map((value) => this.values.unwrap(value)) : [node];
    const words: string[] = [];
    for (const source of sources) {
      if (!ts.isIdentifier(source)) continue;
      const declared = this.values.declarationOf(source)?.node;
      if (!declared || !(ts.isParameter(declared) || ts.isVariableDeclaration(declared))) continue;
      const type = declared.type?.getText() ?? (ts.isParameter(declared) ? jsDocParameterType(declared) : undefined);
      if (type) words.push(...splitWords(type.replace(/[^A-Za-z0-9]+/g, ' ')));
    }
    return words;
  }

  /** `promisify(client)`, `bluebird.promisifyAll(client)`: the same client with promise-returning methods. */
  private unpromisified(expression: ts.Expression): ts.Expression {
    const node = this.values.unwrap(expression);
    if (!ts.isCallExpression(node) || !node.arguments[0]) return node;
    const callee = this.values.unwrap(node.expression);
    const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
    return sinks.PROMISIFY_FUNCTIONS.has(name) ? this.values.unwrap(node.arguments[0]) : node;
  }

  private configStoreSink(call: ts.CallExpression): Sink | undefined {
    const callee = this.values.unwrap(call.expression);
    if (!ts.isPropertyAccessExpression(callee) || !sinks.CONFIG_STORE_WRITE_METHODS.has(callee.name.text)) return undefined;
    for (const origin of this.receiverOrigins(callee.expression)) {
      if (!ts.isNewExpression(origin) && !ts.isCallExpression(origin)) continue;
      const ref = this.moduleRefOf(origin.expression);
      const store = ref && own(sinks.CONFIG_STORE_CONSTRUCTORS, ref.module);
      if (!ref || !store || (store.needsArgument && !this.hasBackingStore(origin))) continue;
      const [first, second] = call.arguments;
      if (!first) return undefined;
      const values = second ? [second, first] : [first];
      return { kind: 'store', node: call, name: shortName(callee), storage: store.description, values, key: second ? first : undefined };
    }
    return undefined;
  }

  /**
   * `store.write(key, session)`, `this.storage.put(key, tokens)`: a receiver named as a store whose
   * method writes a key and a value, unless what it is resolves to memory (a Map, an object
   * literal, an in-memory store class) or to something that is not storage.
   */
  private storeShapedSink(call: ts.CallExpression): Sink | undefined {
    const callee = this.values.unwrap(call.expression);
    if (!ts.isPropertyAccessExpression(callee) || !sinks.STORE_WRITE_METHODS.has(callee.name.text) || call.arguments.length < 2) return undefined;
    const receiver = this.values.unwrap(callee.expression);
    const name = ts.isPropertyAccessExpression(receiver) ? receiver.name.text : ts.isIdentifier(receiver) ? receiver.text : undefined;
    if (!name || !splitWords(name).some((word) => sinks.STORE_RECEIVER_WORDS.has(word))) return undefined;
    if (this.isNonStorage(receiver)) return undefined;
    const type = declaredTypeOf(receiver, this.values);
    if (type && (sinks.IN_MEMORY_CONSTRUCTORS.has(type.name) || splitWords(type.name).some((word) => sinks.IN_MEMORY_STORE_WORDS.has(word)))) return undefined;
    // `setToken(store, params, token) { store.set(key, token) }`: a generic helper given both the store and the value;
    // the call that supplies them gives it meaning.
    const helper = parameterOwner(receiver, this.values);
    if (helper && call.arguments.slice(1, 2).every((argument) => parameterOwner(argument, this.values) === helper)) return undefined;
    const origins = this.receiverOrigins(receiver).filter((origin) => origin !== receiver);
    if (origins.some((origin) => this.isInMemoryConstruction(origin) || this.isKnownStoreConstruction(origin) || this.hasConfiguredDriver(origin))) return undefined;
    const browser = this.browserStorageBehind(receiver);
    if (browser) return { kind: 'browser', node: call, name: shortName(callee), storage: browser, values: [call.arguments[1]!], key: call.arguments[0] };
    return { kind: 'store', node: call, name: shortName(callee), storage: 'a key-value store', values: call.arguments.slice(0, 2) };
  }

  /** Keyv, cache-manager, electron-store…: configStoreSink has judged its writes (Keyv without a store is memory). */
  private isKnownStoreConstruction(origin: ts.Expression): boolean {
    const node = this.values.unwrap(origin);
    if (!ts.isNewExpression(node) && !ts.isCallExpression(node)) return false;
    const ref = this.moduleRefOf(node.expression);
    return !!ref && own(sinks.CONFIG_STORE_CONSTRUCTORS, ref.module) !== undefined;
  }

  /** Nitro's `useStorage(…)`, unstorage's `createStorage(…)`: the driver is configured elsewhere (memory by default). */
  private hasConfiguredDriver(origin: ts.Expression): boolean {
    const node = this.values.unwrap(origin);
    if (!ts.isCallExpression(node)) return false;
    const ref = this.moduleRefOf(node.expression);
    if (ref && ref.path.length === 1) return own(sinks.CONFIGURED_DRIVER_STORES, ref.module)?.has(ref.path[0]!) ?? false;
    // Nuxt and Nitro auto-import `useStorage`: a global call of that name.
    return ts.isIdentifier(node.expression) && !this.values.declarationOf(node.expression) &&
      Object.values(sinks.CONFIGURED_DRIVER_STORES).some((names) => names.has((node.expression as ts.Identifier).text));
  }

  /** A store class of the scan that keeps its entries in a Map member (`class TtlMap { map = new Map() }`). */
  private isMapBackedClass(construction: ts.NewExpression): boolean {
    const origins = this.values.origins(construction.expression);
    const cls = origins.map((origin) => this.values.unwrap(origin)).find((origin) => ts.isClassLike(origin)) as ts.Node | undefined;
    const declared = cls ?? (ts.isIdentifier(construction.expression) ? this.values.declarationOf(construction.expression)?.node : undefined);
    if (!declared || !ts.isClassLike(declared)) return false;
    let found = false;
    forEachDescendant(declared, (node) => {
      const value = ts.isPropertyDeclaration(node) ? node.initializer
        : ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && isThisMember(node.left) ? node.right : undefined;
      if (value && ts.isNewExpression(value) && sinks.IN_MEMORY_CONSTRUCTORS.has(shortName(value.expression).split('.').pop() ?? '')) found = true;
      return !found;
    });
    return found;
  }

  /** A Map, an object or array literal, or a store class or factory named for memory (`new MemoryStore()`). */
  private isInMemoryConstruction(origin: ts.Expression): boolean {
    const node = this.values.unwrap(origin);
    if (ts.isObjectLiteralExpression(node) || ts.isArrayLiteralExpression(node)) return true;
    if (!ts.isNewExpression(node) && !ts.isCallExpression(node)) return false;
    const constructed = shortName(node.expression).split('.').pop() ?? '';
    return sinks.IN_MEMORY_CONSTRUCTORS.has(constructed) || splitWords(constructed).some((word) => sinks.IN_MEMORY_STORE_WORDS.has(word)) ||
      (ts.isNewExpression(node) && this.isMapBackedClass(node));
  }

  /** The browser storage a non-global receiver stands for: `this._storage = localStorage`, `storage || window.sessionStorage`. */
  private browserStorageBehind(receiver: ts.Expression): string | undefined {
    const node = this.values.unwrap(receiver);
    if (this.isGlobalReference(node)) return undefined;
    for (const origin of this.receiverOrigins(node)) {
      if (origin === node) continue;
      const storage = dottedName(origin).split('.').pop() ?? '';
      if (sinks.BROWSER_STORAGE_OBJECTS.has(storage) && this.isGlobalReference(origin)) return storage;
    }
    return undefined;
  }

  /** `window[this.cacheLocation]` where the location is (or defaults to) 'localStorage' or 'sessionStorage'. */
  private browserStorageByName(receiver: ts.Expression): string | undefined {
    const node = this.values.unwrap(receiver);
    if (!ts.isElementAccessExpression(node) || !ts.isIdentifier(node.expression) || !sinks.GLOBAL_OBJECTS.has(node.expression.text) ||
        !this.isGlobalReference(node.expression)) return undefined;
    for (const origin of this.receiverOrigins(node.argumentExpression)) {
      const storage = this.values.stringValues(origin)?.find((text) => sinks.BROWSER_STORAGE_OBJECTS.has(text));
      if (storage) return storage;
    }
    return undefined;
  }

  /**
   * What a receiver may be: its origins (across modules), the values its class assigns to a
   * `this.member`, and what a factory function of the scan returns (`createKeyv()` → `new Keyv(…)`).
   */
  private receiverOrigins(receiver: ts.Expression, depth = 0): ts.Expression[] {
    const node = this.values.unwrap(receiver);
    const direct = isThisMember(node) ? this.thisMemberValues(node).flatMap((value) => this.values.origins(value)) : this.values.origins(node);
    const found: ts.Expression[] = [];
    for (const origin of direct) {
      const unwrapped = this.values.unwrap(origin);
      const fn = depth < 2 && ts.isCallExpression(unwrapped) ? this.values.calledFunction(unwrapped) : undefined;
      if (fn) {
        for (const returned of this.values.returnedExpressions(fn)) found.push(...this.receiverOrigins(returned, depth + 1));
      } else found.push(unwrapped);
      if (found.length > MAX_RECEIVER_ORIGINS) break;
    }
    return found;
  }

  /** `this.name = value` assignments and `name = value` property initialisers, by file and member name. */
  private readonly thisMembers = new WeakMap<ts.SourceFile, Map<string, Array<{ owner?: ts.Node; value: ts.Expression }>>>();

  private thisMemberValues(member: ts.PropertyAccessExpression): ts.Expression[] {
    const file = member.getSourceFile();
    let index = this.thisMembers.get(file);
    if (!index) {
      index = new Map();
      const add = (name: string, owner: ts.Node | undefined, value: ts.Expression): void => {
        const list = index!.get(name);
        if (list) list.push({ owner, value });
        else index!.set(name, [{ owner, value }]);
      };
      forEachDescendant(file, (node) => {
        if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && isThisMember(node.left)) {
          add((node.left as ts.PropertyAccessExpression).name.text, findAncestor(node, ts.isClassLike), node.right);
        } else if (ts.isPropertyDeclaration(node) && node.initializer && ts.isIdentifier(node.name)) {
          add(node.name.text, node.parent, node.initializer);
        }
        return true;
      });
      this.thisMembers.set(file, index);
    }
    // Inside a class, only that class's own assignments; in constructor functions (ES5), the file's.
    const owner = findAncestor(member, ts.isClassLike);
    return (index.get(member.name.text) ?? []).filter((entry) => !owner || entry.owner === owner).map((entry) => entry.value);
  }

  /** Keyv and cache-manager keep values in memory unless given a store or a connection string. */
  private hasBackingStore(construction: ts.NewExpression | ts.CallExpression): boolean {
    const first = construction.arguments?.[0];
    if (!first) return false;
    const strings = this.values.stringValues(first);
    if (strings) return strings.some((value) => value !== 'memory');
    if (ts.isNewExpression(this.values.unwrap(first))) return true;
    const properties = this.values.objectProperties(first);
    return !!properties && ['store', 'stores', 'uri', 'adapter'].some((key) => properties.has(key));
  }

  private sqlSink(call: ts.CallExpression): Sink | undefined {
    const callee = this.values.unwrap(call.expression);
    const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
    if (!method) return undefined;
    let statement: ts.Expression | undefined;
    let parameters: ts.Expression[] = [];
    let parameterObject: ts.Expression | undefined;
    if (ts.isPropertyAccessExpression(callee) && sinks.PREPARED_STATEMENT_METHODS.has(method)) {
      const prepared = this.constructionsOf(callee.expression).find(
        (origin): origin is ts.CallExpression => ts.isCallExpression(origin) && ts.isPropertyAccessExpression(origin.expression) && sinks.PREPARE_METHODS.has(origin.expression.name.text),
      );
      if (prepared) {
        statement = prepared.arguments[0];
        const [first] = call.arguments;
        if (call.arguments.length === 1 && first && this.values.objectProperties(first)) parameterObject = first;
        else if (call.arguments.length === 1 && first && this.values.arrayElements(first)) parameters = this.values.arrayElements(first)!;
        else parameters = [...call.arguments];
      }
    }
    if (!statement && sinks.SQL_METHODS.has(method) && ts.isPropertyAccessExpression(callee) && call.arguments[0]) {
      const first = call.arguments[0];
      const config = this.values.objectProperties(first);
      const rest = call.arguments.slice(1);
      if (config && (config.has('text') || config.has('sql'))) {
        statement = config.get('text') ?? config.get('sql');
        const list = config.get('values');
        parameters = list ? this.values.arrayElements(list) ?? [list] : [];
      } else {
        statement = first;
        if (rest.length === 1 && this.values.arrayElements(rest[0]!)) parameters = this.values.arrayElements(rest[0]!)!;
        else if (rest.length === 1 && this.values.objectProperties(rest[0]!)) parameterObject = rest[0];
        else parameters = rest.filter((argument) => !ts.isFunctionLike(this.values.unwrap(argument)));
      }
    }
    if (!statement) return undefined;
    const { text, inline } = this.sqlText(statement);
    if (text === undefined) return undefined;
    const slots = storedSqlSlots(text);
    if (!slots) return undefined;
    const stored: ts.Expression[] = [];
    let positional = 0;
    const named = parameterObject ? this.values.objectProperties(parameterObject) : undefined;
    for (const slot of slots.all) {
      const isStored = slots.stored.includes(slot);
      let expression: ts.Expression | undefined;
      if (slot.kind === 'positional') expression = parameters[positional++];
      else if (slot.kind === 'numbered') expression = parameters[slot.number - 1];
      else if (slot.kind === 'named') expression = named?.get(slot.name) ?? named?.get(`$${slot.name}`) ?? named?.get(`:${slot.name}`) ?? named?.get(`@${slot.name}`);
      else expression = inline[slot.index];
      if (isStored && expression) stored.push(expression);
    }
    // `'INSERT … VALUES (' + token + ')'`: the value is concatenated into the statement itself.
    const concatenated = this.values.unwrap(statement);
    if (/^\s*insert/i.test(text) && text.includes(UNKNOWN) && ts.isBinaryExpression(concatenated)) stored.push(concatenated);
    return stored.length ? { kind: 'store', node: call, name: shortName(callee), storage: 'a database', values: stored } : undefined;
  }

  /** The SQL text with `\u0001i\u0001` where the statement's own template interpolates expression i. */
  private sqlText(statement: ts.Expression): { text?: string; inline: ts.Expression[] } {
    const node = this.values.unwrap(statement);
    if (ts.isTemplateExpression(node)) {
      const inline = node.templateSpans.map((span) => span.expression);
      const text = node.head.text + node.templateSpans.map((span, index) => `\u0001${index}\u0001${span.literal.text}`).join('');
      return { text, inline };
    }
    const variants = this.values.stringValues(node);
    return { text: variants?.find((variant) => sinks.SQL_WRITE_STATEMENT.test(variant)), inline: [] };
  }

  private databaseSink(call: ts.CallExpression): Sink | undefined {
    const callee = this.values.unwrap(call.expression);
    const ref = this.moduleRefOf(callee);
    if (ref && sinks.FIRESTORE_MODULES.has(ref.module) && ref.path.length === 1) {
      const index = own(sinks.FIRESTORE_WRITE_FUNCTIONS, ref.path[0]!);
      const data = index !== undefined ? call.arguments[index] : undefined;
      return data ? { kind: 'store', node: call, name: shortName(callee), storage: 'Firestore', values: [data] } : undefined;
    }
    if (!ts.isPropertyAccessExpression(callee)) return undefined;
    const method = callee.name.text;
    const receiver = this.values.unwrap(callee.expression);
    const name = shortName(callee);

    const builderSources = own(sinks.BUILDER_DATA_STEPS, method);
    if (builderSources && ts.isCallExpression(receiver) && ts.isPropertyAccessExpression(this.values.unwrap(receiver.expression)) &&
        builderSources.has((this.values.unwrap(receiver.expression) as ts.PropertyAccessExpression).name.text) && call.arguments[0]) {
      return { kind: 'store', node: call, name, storage: 'a database', values: this.storedParts(call.arguments[0]) };
    }

    const documentArgument = own(sinks.DOCUMENT_WRITE_METHODS, method);
    if (documentArgument && !this.isNonStorage(receiver) && !this.isInMemory(receiver)) {
      const data = this.dataArguments(call, documentArgument);
      return data.length ? { kind: 'store', node: call, name, storage: 'a database', values: data.flatMap((part) => this.storedParts(part)) } : undefined;
    }

    const generic = own(sinks.DATABASE_WRITE_METHODS, method);
    if (!generic || !this.isDatabaseReceiver(receiver)) return undefined;
    if (generic === 'all' && this.isWriteBack(call, receiver)) return undefined;
    // `db.insert(tokensTable).values(...)`: the argument is the table, the row comes next.
    const parent = call.parent;
    if (sinks.TABLE_TAKING_STEPS.has(method) && ts.isPropertyAccessExpression(parent) && own(sinks.BUILDER_DATA_STEPS, parent.name.text)) return undefined;
    // `doc.save()`, Mongoose's `doc.save(callback)` and `new Model({ … }).save(options)` store the document itself.
    const onlyCallback = call.arguments.length === 1 && (ts.isFunctionLike(this.values.unwrap(call.arguments[0]!)) ||
      constructionsOf(receiver, this.values).some((origin) => ts.isNewExpression(origin)));
    const data = generic === 'save' && (call.arguments.length === 0 || onlyCallback) ? [receiver] : this.dataArguments(call, generic);
    const values = data.flatMap((part) => this.storedParts(part));
    return values.length ? { kind: 'store', node: call, name, storage: 'a database', values } : undefined;
  }

  /**
   * `const doc = this.tokens.get(token); this.tokens.put(token, { ...doc, revoked: true })`: a record
   * read from the same collection, put back under the key it was read by with flags changed. The
   * token was at rest already; the write that first stored it is the finding.
   */
  private isWriteBack(call: ts.CallExpression, receiver: ts.Expression): boolean {
    const [key, value] = call.arguments;
    const fn = findAncestor(call, ts.isFunctionLike);
    if (!key || !value || !fn) return false;
    const receiverName = dottedName(receiver);
    const reads: ts.CallExpression[] = [];
    forEachDescendant(fn, (node) => {
      if (ts.isCallExpression(node)) {
        const callee = this.values.unwrap(node.expression);
        if (ts.isPropertyAccessExpression(callee) && sinks.COLLECTION_READ_METHODS.has(callee.name.text) && dottedName(this.values.unwrap(callee.expression)) === receiverName) reads.push(node);
      }
      return reads.length < MAX_HELPER_CALLS;
    });
    if (!reads.length) return false;
    const isRead = (expression: ts.Expression | undefined): boolean => {
      const node = expression && this.values.unwrap(expression);
      return !!node && (reads.includes(node as ts.CallExpression) || (ts.isIdentifier(node) && fromRead(node)));
    };
    const fromRead = (identifier: ts.Identifier): boolean => {
      const declaration = this.values.declarationOf(identifier);
      if (!declaration || declaration.kind !== 'variable' || declaration.path) return false;
      const list = declaration.node.parent;
      if (ts.isVariableDeclarationList(list) && ts.isForOfStatement(list.parent)) return isRead(list.parent.expression);
      return isRead(declaration.initializer);
    };
    const readBound = (expression: ts.Expression): boolean => {
      const root = rootIdentifier(this.values.unwrap(expression));
      return reads.some((read) => read.arguments[0] !== undefined && read.arguments[0].getText() === expression.getText()) || (!!root && fromRead(root));
    };
    const record = this.values.unwrap(value);
    if (!readBound(key) || !ts.isObjectLiteralExpression(record)) return false;
    return record.properties.every((property) => ts.isSpreadAssignment(property) ? readBound(property.expression)
      : ts.isPropertyAssignment(property) && isFlagLiteral(this.values.unwrap(property.initializer)));
  }

  private dataArguments(call: ts.CallExpression, which: sinks.DataArgument): ts.Expression[] {
    const args = call.arguments;
    switch (which) {
      case 'first':
        return args[0] ? [args[0]] : [];
      case 'second':
        return args[1] ? [args[1]] : [];
      case 'all':
        return [...args];
      case 'save':
        return args.length >= 2 ? [args[1]!] : args[0] ? [args[0]] : [];
      case 'update': {
        if (args.length < 2) return args[0] ? [args[0]] : [];
        // Sequelize `Model.update(values, { where })`; TypeORM/Mongoose `update(criteria, values)`.
        const options = this.values.objectProperties(args[1]!);
        return options?.has('where') ? [args[0]!] : [args[1]!];
      }
    }
  }

  /** The stored parts of a write's argument: Prisma's `data`, DynamoDB's `Item`, never a `where`. */
  private storedParts(argument: ts.Expression): ts.Expression[] {
    const properties = this.values.objectProperties(argument);
    if (!properties) return [argument];
    const keys = [...properties.keys()];
    const dataKeys = keys.filter((key) => sinks.DATA_KEYS.has(key));
    const structural = keys.every((key) => sinks.DATA_KEYS.has(key) || sinks.FILTER_KEYS.has(key) || /^[A-Z]|^(skipDuplicates|returning|target|upsert|options)$/.test(key));
    if (dataKeys.length && structural) return dataKeys.flatMap((key) => this.storedParts(properties.get(key)!));
    if (keys.some((key) => sinks.FILTER_KEYS.has(key))) return keys.filter((key) => !sinks.FILTER_KEYS.has(key)).map((key) => properties.get(key)!);
    return [argument];
  }

  /** lowdb: `db.data.tokens[id] = tokens; await db.write()`. */
  private lowdbSink(call: ts.CallExpression): Sink | undefined {
    const callee = this.values.unwrap(call.expression);
    if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'write') return undefined;
    const receiver = this.values.unwrap(callee.expression);
    if (!ts.isIdentifier(receiver)) return undefined;
    const isLowdb = this.constructionsOf(receiver).some((origin) => {
      if (!ts.isNewExpression(origin) && !ts.isCallExpression(origin)) return false;
      const ref = this.moduleRefOf(origin.expression);
      return !!ref && /^lowdb(\/|$)/.test(ref.module);
    });
    const declaration = this.values.declarationOf(receiver);
    const writes = declaration && this.memberWrites.get(declaration);
    if (!isLowdb || !writes?.length) return undefined;
    return { kind: 'store', node: call, name: shortName(callee), storage: 'a JSON file', values: writes.map((write) => write.value) };
  }

  // ----- receivers -----------------------------------------------------------------------------

  private isDatabaseReceiver(receiver: ts.Expression, depth = 0): boolean {
    if (depth > 4 || this.isNonStorage(receiver) || this.isInMemory(receiver)) return false;
    const node = this.values.unwrap(receiver);
    if (splitWords(dottedName(node)).some((word) => sinks.DATABASE_RECEIVER_WORDS.has(word))) return true;
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(this.values.unwrap(node.expression))) {
      // `getRepository(Token)`, `db.collection('tokens')`, `supabase.from('tokens')`
      const inner = this.values.unwrap(node.expression) as ts.PropertyAccessExpression;
      if (['getRepository', 'collection', 'from', 'table', 'doc', 'getCollection'].includes(inner.name.text)) return this.isDatabaseReceiver(inner.expression, depth + 1) || inner.name.text === 'getRepository';
    }
    const ref = this.moduleRefOf(node);
    if (ref && (sinks.DATABASE_MODULES.has(ref.module) || (isRelative(ref.module) && splitWords(ref.module).some((word) => sinks.MODEL_PATH_WORDS.has(word))))) return true;
    for (const origin of this.memberConstructionsOf(node)) {
      if (origin === node) continue;
      if (ts.isNewExpression(origin) || ts.isCallExpression(origin)) {
        const originRef = this.moduleRefOf(origin.expression);
        if (originRef && sinks.DATABASE_MODULES.has(originRef.module)) return true;
        if (splitWords(dottedName(origin.expression)).some((word) => sinks.DATABASE_RECEIVER_WORDS.has(word))) return true;
        if (ts.isNewExpression(origin) && this.isModelClass(origin.expression)) return true;
      }
    }
    if (ts.isPropertyAccessExpression(node)) return this.isDatabaseReceiver(node.expression, depth + 1); // `dataSource.manager`
    return ts.isIdentifier(node) && this.isModelClass(node);
  }

  /** A class this file declares as an ORM model, or one imported from a models path. */
  private isModelClass(expression: ts.Expression): boolean {
    const node = this.values.unwrap(expression);
    if (!ts.isIdentifier(node)) return false;
    const declaration = this.values.declarationOf(node);
    if (declaration?.kind === 'class' && ts.isClassDeclaration(declaration.node)) {
      return (declaration.node.heritageClauses ?? []).some((clause) => clause.types.some((type) => sinks.MODEL_BASE_CLASSES.has(type.expression.getText().split('.').pop() ?? '')));
    }
    const ref = this.moduleRefOf(node);
    return !!ref && ((isRelative(ref.module) && splitWords(ref.module).some((word) => sinks.MODEL_PATH_WORDS.has(word))) || sinks.DATABASE_MODULES.has(ref.module));
  }

  private isNonStorage(receiver: ts.Expression): boolean {
    const root = rootIdentifier(this.values.unwrap(receiver));
    const ref = root && this.moduleRefOf(root);
    return !!ref && this.isNonStorageModule(ref);
  }

  private isNonStorageModule(ref: ModuleRef): boolean {
    return sinks.NON_STORAGE_MODULES.has(ref.module) || [...sinks.NON_STORAGE_MODULES].some((module) => ref.module.startsWith(`${module}/`));
  }

  /** A receiver built in this file as a Map, an LRU cache or a plain object: memory, not storage. */
  private isInMemory(receiver: ts.Expression): boolean {
    const origins = this.constructionsOf(receiver).filter((origin) => origin !== this.values.unwrap(receiver));
    if (!origins.length) return false;
    return origins.every((origin) =>
      ts.isObjectLiteralExpression(origin) || ts.isArrayLiteralExpression(origin) ||
      (ts.isNewExpression(origin) && sinks.IN_MEMORY_CONSTRUCTORS.has(shortName(origin.expression).split('.').pop() ?? '')));
  }

  private stripChain(expression: ts.Expression, methods: ReadonlySet<string>): ts.Expression {
    let node = this.values.unwrap(expression);
    while (ts.isCallExpression(node)) {
      const callee = this.values.unwrap(node.expression);
      if (!ts.isPropertyAccessExpression(callee) || !methods.has(callee.name.text)) break;
      node = this.values.unwrap(callee.expression);
    }
    return node;
  }

  /** An identifier the file does not declare (a global such as `localStorage`), or a property of `window`/`globalThis`. */
  private isGlobalReference(expression: ts.Expression): boolean {
    const node = this.values.unwrap(expression);
    if (ts.isIdentifier(node)) return !this.values.declarationOf(node);
    if (ts.isPropertyAccessExpression(node)) return this.isGlobalReference(node.expression);
    return false;
  }

  private constructorName(expression: ts.Expression): string | undefined {
    return constructorName(expression, this.values);
  }

  private constructionsOf(expression: ts.Expression): ts.Expression[] {
    return constructionsOf(expression, this.values);
  }

  /**
   * Like constructionsOf, and a class member (`this.tokens`) is followed to what its class assigns
   * to it (`this.tokens = createCollection(sql, 'tokens')`, `this.redis = new Redis()`); a member
   * assigned only from a parameter stays unresolved.
   */
  private memberConstructionsOf(expression: ts.Expression): ts.Expression[] {
    const node = this.values.unwrap(expression);
    if (!isThisMember(node)) return this.constructionsOf(node);
    const assigned = this.thisMemberValues(node);
    return assigned.length ? assigned.flatMap((value) => this.constructionsOf(value)) : [node];
  }

  // ----- modules -------------------------------------------------------------------------------

  /** The module member an expression denotes: `fsp.writeFile` after `import fsp from 'node:fs/promises'` → fs/promises › writeFile. */
  private moduleRefOf(expression: ts.Expression): ModuleRef | undefined {
    return normalisedModuleRefOf(expression, this.values);
  }

  // ----- deciding and reporting ----------------------------------------------------------------

  private check(sink: Sink): void {
    if (this.reported.has(sink.node) || this.isRevocationList(sink)) return;
    const inspections = sink.values.map((value) => ({ value, inspection: this.protection.inspect(value) }));
    const plain = inspections.find(({ inspection }) => inspection.plaintext && !isTransientFlowSecret(inspection.plaintext) &&
      // Whatever goes into `document.cookie` is "a cookie": that name alone says nothing about a token.
      !(sink.kind === 'cookie' && inspection.plaintext.origin === 'name' && /^cookies?$/i.test(inspection.plaintext.label)));
    if (plain) {
      // Owner-only permissions (mode 0o600, chmod after the write, umask, a 0o700 directory) are an accepted
      // protection for a token file: a reviewer would not change that line, so it is not reported.
      if (sink.kind === 'file' && this.privateModeOf(sink)) return;
      this.report(sink, plain.inspection.plaintext!, plain.value, 'plaintext');
      return;
    }
    const sealed = inspections.find(({ inspection }) => inspection.encrypted && !isTransientFlowSecret(inspection.encrypted.credential));
    if (!sealed) {
      const byKey = (sink.kind === 'browser' || sink.kind === 'server-cookie' || sink.storage === 'a config file') && inspections[0] ? this.credentialByKey(sink, inspections[0].inspection) : undefined;
      if (byKey) this.report(sink, byKey, sink.values[0]!, 'plaintext');
      return;
    }
    const encrypted = sealed.inspection.encrypted!;
    if (encrypted.weakness) {
      this.report(sink, encrypted.credential, sealed.value, 'weak-cipher', { algorithm: encrypted.algorithm ?? '', weakness: encrypted.weakness });
      return;
    }
    if (sink.kind === 'file' && !sink.file?.modeUnseen && !this.privateModeOf(sink)) {
      // Quote the mode the code sets, if it sets one: 'with mode 0o644', not a generic 'without 0o600'.
      const mode = this.modeSetOn(sink);
      const modeSet = mode === undefined ? 'without an owner-only mode' : `with mode ${formatMode(mode)}, which other local users can read`;
      this.report(sink, encrypted.credential, sealed.value, 'encrypted-file-without-mode', undefined, { modeSet });
    }
  }

  /**
   * `revokedTokensRepo.set(token, …)`, `redis.set(\`blacklist:${jti}\`, 1)`: a deny-list holds tokens that no
   * longer work, so keeping them readable exposes nothing. Named by the store's receiver or the key's literal text.
   */
  private isRevocationList(sink: Sink): boolean {
    if (splitWords(sink.name).some((word) => REVOCATION_LIST_WORDS.has(word))) return true;
    const key = sink.key ?? (ts.isCallExpression(sink.node) && sink.kind === 'store' ? sink.node.arguments[0] : undefined);
    const texts = key ? this.values.stringValues(key) : undefined;
    if (!texts?.length) return false;
    // SQL: the table written to, never a column ('INSERT INTO tokens (token, revoked)' stores live tokens).
    const names = texts.map((text) => /^\s*(?:insert|replace|upsert|update|merge)\b/i.test(text) ? SQL_TARGET_TABLE.exec(text)?.[1] ?? '' : text);
    return names.every((name) => splitWords(name.split(UNKNOWN).join(' ')).some((word) => REVOCATION_LIST_WORDS.has(word)));
  }

  /** `localStorage.setItem('access_token', value)`: the key names what the value is. */
  private credentialByKey(sink: Sink, inspection: Inspection): CredentialMatch | undefined {
    const keyText = sink.keyText ?? (sink.key ? this.values.stringValues(sink.key)?.[0]?.split(UNKNOWN).join(' ') : undefined);
    if (!keyText || this.tokens.classifyName(keyText) !== 'credential' || isTransientFlowName(keyText)) return undefined;
    const value = sink.values[0];
    if (!value || inspection.plaintext || !this.protection.isUnprotectedValue(value, inspection)) return undefined;
    return { label: keyText.trim(), origin: 'name', node: value };
  }

  private report(sink: Sink, credential: CredentialMatch, value: ts.Expression, kind: StorageVerdict['kind'], cipher?: StorageVerdict['cipher'], fileMode?: StorageVerdict['fileMode']): void {
    // On the credential when it sits inside the storing call, otherwise on the stored argument.
    const inside = credential.node.getSourceFile() === sink.node.getSourceFile() &&
      credential.node.getStart() >= sink.node.getStart() && credential.node.getEnd() <= sink.node.getEnd();
    // Through an imported helper, only this call's own arguments give the stored value its meaning.
    if (sink.viaHelperCall && !inside) return;
    this.reported.add(sink.node);
    const valueInside = value.getSourceFile() === sink.node.getSourceFile() && value.getStart() >= sink.node.getStart() && value.getEnd() <= sink.node.getEnd();
    const callerArgument = inside ? undefined : this.callerArgument(sink, credential, value);
    // One finding per argument that hands a credential to a store: the helper's several writes, or a
    // storing call (`this.storage.set('id-token', token)`) whose own store writes it, say it once.
    if (callerArgument && this.reportedArguments.has(callerArgument)) return;
    const node = callerArgument ?? (inside ? credential.node : valueInside ? value : sink.node);
    if (!callerArgument && [...this.reportedArguments].some((argument) => containedIn(argument, sink.node))) return;
    if (callerArgument) this.reportedArguments.add(callerArgument);
    // A helper's result is labelled by the call ('wrap(token)'); the argument names the credential better.
    const label = credential.label.includes('(') && ts.isIdentifier(credential.node) ? credential.node.text : credential.label;
    this.onVerdict({ kind, node, credential: label, sink: { kind: sink.kind, name: sink.name, storage: sink.storage }, cipher, fileMode });
  }

  /**
   * A generic helper of the file (`set(name, value) { localStorage.setItem(name, value) }`) gets its OAuth
   * meaning at the call that passes the credential (`storage.set('id-token', options.id_token)`): the finding
   * goes on that argument, not inside the helper. A helper whose parameter names a credential
   * (`saveTokens(data)`, `persist(refreshToken)`) is token-specific and keeps the finding on its own write.
   */
  private callerArgument(sink: Sink, credential: CredentialMatch, value: ts.Expression): ts.Node | undefined {
    const helper = findAncestor(sink.node, ts.isFunctionLike);
    const origin = credential.node;
    if (!helper || (origin.getSourceFile() === helper.getSourceFile() && origin.getStart() >= helper.getStart() && origin.getEnd() <= helper.getEnd())) return undefined;
    // `setAuthTokens(auth)`, `saveCredentials(data)`: the helper's own name gives it its meaning.
    const helperName = functionName(helper);
    // (A cookie helper, `setCookie(name, value)`, stays generic: every cookie goes through it.)
    if (helperName && this.tokens.classifyName(helperName.replace(/cookies?/gi, '_')) === 'credential') return undefined;
    const generic: Declaration[] = [];
    let credentialParameter = false;
    forEachDescendant(value, (node) => {
      if (!ts.isIdentifier(node)) return true;
      const declaration = this.values.declarationOf(node);
      if (declaration?.kind !== 'parameter' || findAncestor(declaration.node, ts.isFunctionLike) !== helper) return true;
      if (this.tokens.classifyName(declaration.name) === 'credential') credentialParameter = true;
      else if (!generic.includes(declaration)) generic.push(declaration);
      return true;
    });
    if (credentialParameter) return undefined;
    for (const declaration of generic) {
      for (const argument of this.tokens.argumentsFor(declaration) ?? []) {
        if (argument.getSourceFile() === sink.node.getSourceFile() && this.tokens.credentialIn(argument)) return argument;
      }
    }
    return undefined;
  }

  /** The mode the write (or its `open`) sets, when the code gives one the analysis can read. */
  private modeSetOn(sink: Sink): number | undefined {
    const file = sink.file;
    const option = file?.options ? this.values.objectProperties(file.options)?.get('mode') : undefined;
    const fromOpen = file?.opener ? file.opener.call.arguments[file.opener.modeArgument] : undefined;
    for (const expression of [option, fromOpen]) {
      const mode = expression ? this.modeNumber(expression) : undefined;
      if (mode !== undefined) return mode;
    }
    return undefined;
  }

  /**
   * What keeps a written file private, in words for the message ("mode 0o400", "'chmodSync' to 0o600
   * after the write", "a directory created with mode 0o700", "umask 0o077"), or undefined when nothing does.
   */
  private privateModeOf(sink: Sink): string | undefined {
    const file = sink.file;
    if (!file) return undefined;
    const set = this.modeSetOn(sink);
    if (set !== undefined && (set & 0o077) === 0) return `mode ${formatMode(set)}`;
    const scope = findAncestor(sink.node, ts.isFunctionLike) ?? sink.node.getSourceFile();
    let protectedAfter: string | undefined;
    const pathText = file.path ? this.values.unwrap(file.path).getText() : undefined;
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        const callee = this.values.unwrap(node.expression);
        const fn = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
        if (sinks.CHMOD_FUNCTIONS.has(fn) && node.getStart() > sink.node.getStart()) {
          const [first, second] = node.arguments;
          const chmodded = (value: ts.Expression) => `'${fn}' to ${formatMode(this.modeNumber(value)!)} after the write`;
          if (second && this.isPrivateModeValue(second) && (!pathText || this.values.unwrap(first!).getText() === pathText)) protectedAfter = chmodded(second);
          if (!second && first && this.isPrivateModeValue(first)) protectedAfter = chmodded(first); // handle.chmod(0o600)
        }
        if (sinks.MKDIR_FUNCTIONS.has(fn) && node.getStart() < sink.node.getStart()) {
          const options = node.arguments[1];
          const mode = options ? (this.values.objectProperties(options)?.get('mode') ?? options) : undefined;
          if (mode && this.isPrivateModeValue(mode)) protectedAfter = `a directory created with mode ${formatMode(this.modeNumber(mode)!)}`;
        }
        const umask = fn === 'umask' && node.arguments[0] ? this.modeNumber(node.arguments[0]) : undefined;
        if (umask !== undefined && (umask & 0o077) === 0o077) protectedAfter = `umask ${formatMode(umask)}`;
      }
    };
    forEachDescendant(scope, (node) => (visit(node), protectedAfter === undefined));
    return protectedAfter ?? (file.path ? this.preparedPrivately(file.path) : undefined);
  }

  /**
   * `ensureFile(PATHS.TOKEN_PATH)` elsewhere in the file, where `ensureFile(filePath)` creates the
   * file and chmods its parameter to 0o600: a path constant of the module that a local helper
   * prepares as an owner-only file before the program writes the token to it.
   */
  private preparedPrivately(path: ts.Expression): string | undefined {
    const node = this.values.unwrap(path);
    const root = rootIdentifier(node);
    const declaration = root && this.values.declarationOf(root);
    if (!declaration || declaration.kind !== 'variable' || !ts.isSourceFile(declaration.scope)) return undefined;
    if (!ts.isIdentifier(node) && !ts.isPropertyAccessExpression(node)) return undefined;
    const pathText = node.getText();
    let found: string | undefined;
    forEachDescendant(node.getSourceFile(), (candidate) => {
      if (!ts.isCallExpression(candidate)) return true;
      const index = candidate.arguments.findIndex((argument) => this.values.unwrap(argument).getText() === pathText);
      const fn = index >= 0 ? this.values.calledFunction(candidate) : undefined;
      const parameter = fn?.parameters[index];
      if (!fn?.body || !parameter || !ts.isIdentifier(parameter.name)) return true;
      const name = parameter.name.text;
      forEachDescendant(fn.body, (inner) => {
        if (found || !ts.isCallExpression(inner)) return found === undefined;
        const callee = this.values.unwrap(inner.expression);
        const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
        const [target, mode] = inner.arguments;
        if (sinks.CHMOD_FUNCTIONS.has(method) && target && mode && ts.isIdentifier(this.values.unwrap(target)) &&
            (this.values.unwrap(target) as ts.Identifier).text === name && this.isPrivateModeValue(mode)) {
          found = `'${method}' to ${formatMode(this.modeNumber(mode)!)} in '${candidate.expression.getText()}'`;
        }
        return found === undefined;
      });
      return found === undefined;
    });
    return found;
  }

  private isPrivateModeValue(expression: ts.Expression): boolean {
    const mode = this.modeNumber(expression);
    return mode !== undefined && (mode & 0o077) === 0;
  }

  private modeNumber(expression: ts.Expression): number | undefined {
    for (const origin of this.constructionsOf(expression)) {
      if (ts.isNumericLiteral(origin)) return Number(origin.getText().replace(/_/g, ''));
      if (ts.isStringLiteralLike(origin) && /^0?[0-7]{3,4}$/.test(origin.text)) return parseInt(origin.text, 8);
    }
    return undefined;
  }

  // ----- bookkeeping ---------------------------------------------------------------------------

  private recordPush(call: ts.CallExpression): void {
    const callee = this.values.unwrap(call.expression);
    if (!ts.isPropertyAccessExpression(callee) || !['push', 'unshift'].includes(callee.name.text) || !call.arguments[0]) return;
    // `obj.list.push(x)`, and `lines.push(\`TOKEN=${token}\`)` before `writeFileSync(path, lines.join('\\n'))`
    const list = this.values.unwrap(callee.expression);
    if (!ts.isPropertyAccessExpression(list) && !ts.isElementAccessExpression(list) && !ts.isIdentifier(list)) return;
    const root = rootIdentifier(list);
    const declaration = root && this.values.declarationOf(root);
    if (declaration) for (const argument of call.arguments) this.addMemberWrite(declaration, { value: argument });
  }

  private addMemberWrite(declaration: Declaration, write: { key?: string; value: ts.Expression }): void {
    const list = this.memberWrites.get(declaration);
    if (list) list.push(write);
    else this.memberWrites.set(declaration, [write]);
  }
}

// ---------------------------------------------------------------------------------------------
// SQL placeholders

type SqlSlot =
  | { kind: 'positional' }
  | { kind: 'numbered'; number: number }
  | { kind: 'named'; name: string }
  | { kind: 'inline'; index: number };

/**
 * The placeholders of a writing statement whose values are stored: those after VALUES or SET,
 * not those in a WHERE clause. Undefined when the statement does not write.
 * `all` lists every placeholder in order, so positional `?` can be counted.
 */
export function storedSqlSlots(sql: string): { stored: SqlSlot[]; all: SqlSlot[] } | undefined {
  const statement = sinks.SQL_WRITE_STATEMENT.exec(sql.replace(/\u0001\d+\u0001/g, ' ? '));
  if (!statement) return undefined;
  const verb = statement[1]!.toLowerCase().split(/\s+/)[0]!;
  let storing = verb !== 'update';
  const stored: SqlSlot[] = [];
  const all: SqlSlot[] = [];
  const pattern = /\u0001(\d+)\u0001|\$(\d+)|(?<![:\w]):([A-Za-z_]\w*)|@([A-Za-z_]\w*)|\$([A-Za-z_]\w*)|\?|\b(values|set|select|where|returning|from|on\s+conflict|on\s+duplicate\s+key\s+update)\b|'(?:[^']|'')*'/gi;
  for (const match of sql.matchAll(pattern)) {
    const [whole, inline, numbered, colon, at, dollar, keyword] = match;
    if (whole.startsWith("'")) {
      // Quoted text: only an interpolation inside it is a value (`'${token}'`).
      for (const inner of whole.matchAll(/\u0001(\d+)\u0001/g)) {
        const slot: SqlSlot = { kind: 'inline', index: Number(inner[1]) };
        all.push(slot);
        if (storing) stored.push(slot);
      }
      continue;
    }
    if (keyword) {
      const word = keyword.toLowerCase().replace(/\s+/g, ' ');
      if (word === 'values' || word === 'set' || word === 'on duplicate key update') storing = true;
      else if (word === 'select') storing = verb !== 'update';
      else if (word === 'where' || word === 'returning' || word === 'on conflict' || (word === 'from' && verb === 'update')) storing = false;
      continue;
    }
    const slot: SqlSlot = inline !== undefined ? { kind: 'inline', index: Number(inline) }
      : numbered !== undefined ? { kind: 'numbered', number: Number(numbered) }
      : (colon ?? at ?? dollar) !== undefined ? { kind: 'named', name: (colon ?? at ?? dollar)! }
      : { kind: 'positional' };
    all.push(slot);
    if (storing) stored.push(slot);
  }
  return { stored, all };
}

// ---------------------------------------------------------------------------------------------
// helpers


/** Origins looked at for one receiver: enough for a store's few assignments, bounded for minified code. */
const MAX_RECEIVER_ORIGINS = 32;

/** The function whose parameter an expression (or the object it reads from) is. */
function parameterOwner(expression: ts.Expression, values: ValueResolver): ts.Node | undefined {
  let node = values.unwrap(expression);
  while (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) node = values.unwrap(node.expression);
  if (!ts.isIdentifier(node)) return undefined;
  const declaration = values.declarationOf(node);
  return declaration?.kind === 'parameter' ? findAncestor(declaration.node, ts.isFunctionLike) : undefined;
}

/**
 * The type a JSDoc `@param {Type} name` gives a parameter. The parser skips JSDoc (for speed), so the
 * function's leading comment is read as text.
 */
function jsDocParameterType(parameter: ts.ParameterDeclaration): string | undefined {
  if (!ts.isIdentifier(parameter.name)) return undefined;
  const fn = parameter.parent;
  const file = fn.getSourceFile();
  const ranges = ts.getLeadingCommentRanges(file.text, fn.getFullStart()) ?? [];
  const name = parameter.name.text.replace(/[$]/g, '\\$');
  const pattern = new RegExp(`@param\\s+\\{([^}]{1,200})\\}\\s+\\[?${name}\\b`);
  for (const range of ranges) {
    const match = pattern.exec(file.text.slice(range.pos, range.end));
    if (match) return match[1];
  }
  return undefined;
}

/** `true`, `false`, `null`, a number or a string: a flag or status, not data. */
function isFlagLiteral(node: ts.Expression): boolean {
  return node.kind === ts.SyntaxKind.TrueKeyword || node.kind === ts.SyntaxKind.FalseKeyword || node.kind === ts.SyntaxKind.NullKeyword ||
    ts.isNumericLiteral(node) || ts.isStringLiteralLike(node);
}

function isThisMember(node: ts.Node): node is ts.PropertyAccessExpression {
  return ts.isPropertyAccessExpression(node) && node.expression.kind === ts.SyntaxKind.ThisKeyword;
}

function rootIdentifier(expression: ts.Expression): ts.Identifier | undefined {
  let node: ts.Expression = expression;
  while (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node) || ts.isNonNullExpression(node) || ts.isParenthesizedExpression(node)) {
    node = node.expression;
  }
  return ts.isIdentifier(node) ? node : undefined;
}


function isRelative(module: string): boolean {
  return module.startsWith('.') || module.startsWith('@/') || module.startsWith('~/');
}


/** A PKCE verifier, state or authorization code, by its name; a value whose declared type holds a token is not one, whatever it is called. */
function isTransientFlowSecret(credential: CredentialMatch): boolean {
  if (credential.origin === 'authorization-code') return true;
  return credential.origin !== 'declared-type' && isTransientFlowName(credential.label);
}

function isTransientFlowName(label: string): boolean {
  const words = splitWords(label);
  if (words.some((word) => TRANSIENT_FLOW_WORDS.has(word))) return true;
  // Authorization codes are single-use and live for minutes.
  return words.includes('code') && !words.includes('token');
}

function lastWordOf(dotted: string): string {
  return dotted.slice(dotted.lastIndexOf('.') + 1);
}

function containedIn(node: ts.Node, container: ts.Node): boolean {
  return node.getSourceFile() === container.getSourceFile() && node.getStart() >= container.getStart() && node.getEnd() <= container.getEnd();
}

/** 384 → '0o600'. */
function formatMode(mode: number): string {
  return `0o${mode.toString(8).padStart(3, '0')}`;
}
