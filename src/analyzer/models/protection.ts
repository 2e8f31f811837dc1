import { ts } from '../engine/typescript.js';
import { dottedName, UNKNOWN, type ValueResolver } from '../engine/values.js';
import type { Declaration } from '../engine/walk.js';
import { normalisedModuleRefOf, type ModuleRef } from '../engine/modules.js';
import { credentialsFor, promiseOfContinuation, splitWords, type CredentialMatch, type TokenModel } from './credentials.js';
import { cipherWeakness, type CipherWeakness } from '../knowledge/encryption.js';
import * as enc from '../knowledge/encryption.js';

/**
 * Whether a value that reaches a store is protected: encrypted (and with what cipher), hashed,
 * wrapped by a KMS, or passed through a local helper that does one of those; followed through
 * local helpers, serialisers and member writes. Knowledge of primitives: knowledge/encryption.ts.
 */


export interface EncryptedUse {
  credential: CredentialMatch;
  weakness?: CipherWeakness;
  algorithm?: string;
}

/** What following a stored value found. */
export interface Inspection {
  /** A credential that reaches the sink without encryption. */
  plaintext?: CredentialMatch;
  /** A credential that reaches it only encrypted. */
  encrypted?: EncryptedUse;
  /** Some part passed through encryption or hashing. */
  protected: boolean;
  /** Some part passed through a call this file does not show. */
  opaque: boolean;
}

const EMPTY: Inspection = { protected: false, opaque: false };
const OPAQUE: Inspection = { protected: false, opaque: true };
const PROTECTED: Inspection = { protected: true, opaque: false };

function merge(results: Inspection[]): Inspection {
  const merged: Inspection = { protected: false, opaque: false };
  for (const result of results) {
    merged.plaintext ??= result.plaintext;
    merged.encrypted ??= result.encrypted;
    merged.protected ||= result.protected;
    merged.opaque ||= result.opaque;
  }
  return merged;
}

export interface Protection {
  kind: 'encrypt' | 'hash';
  /** Expressions holding the plaintext that is encrypted. */
  inputs: ts.Expression[];
  algorithm?: string;
}

/** A local helper's parameters bound to the arguments of the call being followed. */
export interface Bindings {
  bindings: Map<ts.Node, ts.Expression>;
  /** The caller's own bindings, for the arguments. */
  parent?: Bindings;
}

function boundArgument(scope: Bindings, parameter: ts.Node): { argument: ts.Expression; scope?: Bindings } | undefined {
  const argument = scope.bindings.get(parameter);
  return argument ? { argument, scope: scope.parent } : undefined;
}

/** Words of a callee that say it encrypts or hashes, trusted only for functions this file does not define. */
const ENCRYPTING_NAME_WORDS = new Set(['encrypt', 'encrypted', 'encrypts', 'seal', 'sealed', 'encipher', 'cipher']);
const HASHING_NAME_WORDS = new Set(['hash', 'hashed', 'digest', 'hmac', 'sha256', 'sha512', 'argon2', 'bcrypt', 'scrypt', 'pbkdf2']);
/** Words of a callee that say it only re-encodes its input: followed, never trusted (CodeQL's `*encode*` hole). */
const ENCODING_NAME_WORDS = new Set([
  'encode', 'encoded', 'base64', 'b64', 'base64url', 'hex', 'serialize', 'stringify', 'dump', 'format', 'compress', 'gzip',
  'deflate', 'zip', 'pack', 'escape', 'btoa', 'obfuscate', 'xor', 'rot13',
]);
/** Serialisers whose output carries their input (beyond the token model's pass-through list). */
const SERIALIZER_FUNCTIONS = new Set(['Buffer.concat', 'Object.fromEntries', 'Array.from', 'Uint8Array.from', 'structuredClone', 'Object.assign']);
const PASS_THROUGH_CONSTRUCTORS = new Set(['URLSearchParams', 'Blob', 'File', 'TextEncoder']);
const MAX_DEPTH = 14;
const INSPECTION_BUDGET = 40_000;
/** A function longer than this is not a wrapper around a primitive (a bundle's module wrapper, say). */
const MAX_WRAPPER_LENGTH = 6_000;


export class ProtectionModel {
  private readonly tokens: TokenModel;
  private readonly inspected = new Map<ts.Node, Inspection>();
  private readonly functionProtection = new Map<ts.Node, Omit<Protection, 'inputs'> | null>();
  /** `obj.key = value` and `obj.list.push(value)` seen so far, by the root object's declaration (recorded by the storage model's visitors). */
  readonly memberWrites = new Map<Declaration, Array<{ key?: string; value: ts.Expression }>>();
  /** Steps of value-following left for this file: a bound on pathological input, not a tuning knob. */
  private budget = INSPECTION_BUDGET;

  constructor(
    private readonly values: ValueResolver,
    /** ORM model classes are constructors that carry their arguments into the store. */
    private readonly isModelClass: (expression: ts.Expression) => boolean,
  ) {
    this.tokens = credentialsFor(values);
  }

  private moduleRefOf(expression: ts.Expression): ModuleRef | undefined {
    return normalisedModuleRefOf(expression, this.values);
  }

  private constructorName(expression: ts.Expression): string | undefined {
    return constructorName(expression, this.values);
  }

  private constructionsOf(expression: ts.Expression): ts.Expression[] {
    return constructionsOf(expression, this.values);
  }

  // ----- following the stored value ------------------------------------------------------------

  /** Follows a stored value. `scope` binds a local helper's parameters to one call's arguments. */
  inspect(expression: ts.Expression, depth = 0, scope?: Bindings): Inspection {
    const node = this.values.unwrap(expression);
    if (depth > MAX_DEPTH || --this.budget < 0) return EMPTY;
    if (scope) return this.inspectUncached(node, depth, scope);
    const known = this.inspected.get(node);
    if (known) return known;
    this.inspected.set(node, EMPTY); // breaks cycles
    const result = this.inspectUncached(node, depth);
    this.inspected.set(node, result);
    return result;
  }

  private inspectUncached(node: ts.Expression, depth: number, scope?: Bindings): Inspection {
    if (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) return this.inspectReference(node, depth, scope);
    if (ts.isTemplateExpression(node)) return merge(node.templateSpans.map((span) => this.inspect(span.expression, depth + 1, scope)));
    if (ts.isBinaryExpression(node)) {
      const operator = node.operatorToken.kind;
      if (operator === ts.SyntaxKind.PlusToken || operator === ts.SyntaxKind.BarBarToken || operator === ts.SyntaxKind.QuestionQuestionToken) {
        return merge([this.inspect(node.left, depth + 1, scope), this.inspect(node.right, depth + 1, scope)]);
      }
      if (operator === ts.SyntaxKind.CommaToken || operator === ts.SyntaxKind.EqualsToken) return this.inspect(node.right, depth + 1, scope);
      return EMPTY;
    }
    if (ts.isConditionalExpression(node)) return merge([this.inspect(node.whenTrue, depth + 1, scope), this.inspect(node.whenFalse, depth + 1, scope)]);
    if (ts.isObjectLiteralExpression(node)) return this.inspectObject(node, depth, scope);
    if (ts.isArrayLiteralExpression(node)) {
      return merge(node.elements.map((element) => this.inspect(ts.isSpreadElement(element) ? element.expression : element, depth + 1, scope)));
    }
    if (ts.isCallExpression(node)) return this.inspectCall(node, depth, scope);
    if (ts.isNewExpression(node)) {
      const name = shortName(node.expression).split('.').pop() ?? '';
      if (PASS_THROUGH_CONSTRUCTORS.has(name) || this.isModelClass(node.expression)) {
        return merge((node.arguments ?? []).map((argument) => this.inspect(argument, depth + 1, scope)));
      }
      return EMPTY;
    }
    return EMPTY;
  }

  /** Identifiers and property reads: their origins first, so a recognised primitive beats a name. */
  private inspectReference(node: ts.Identifier | ts.PropertyAccessExpression | ts.ElementAccessExpression, depth: number, scope?: Bindings): Inspection {
    if (scope && ts.isIdentifier(node)) {
      const declaration = this.values.declarationOf(node);
      const bound = declaration?.kind === 'parameter' ? boundArgument(scope, declaration.node) : undefined;
      if (bound) return this.inspect(bound.argument, depth + 1, bound.scope);
    }
    const name = ts.isIdentifier(node) ? node.text : this.values.memberName(node);
    const nameClass = name !== undefined ? this.tokens.classifyName(name) : 'neutral';
    if (nameClass === 'not-credential') return EMPTY;
    const declaration = ts.isIdentifier(node) ? this.values.declarationOf(node) : undefined;
    const origins = this.valueSources(node, declaration);
    const results = origins.map((origin) => this.inspect(origin, depth + 1, scope));
    const fromOrigins = merge(results);
    if (ts.isIdentifier(node)) {
      const writes = declaration && this.memberWrites.get(declaration);
      if (writes) fromOrigins.plaintext ??= merge(writes.map((write) => this.inspectProperty(write.key, write.value, node, depth, scope))).plaintext;
    }
    if (fromOrigins.plaintext) return fromOrigins;
    const allProtected = results.length > 0 && results.every((result) => result.protected);
    if (nameClass === 'credential' && !allProtected) {
      const match = this.tokens.credentialIn(node);
      if (match) return { ...fromOrigins, plaintext: match };
    }
    if (!origins.length && nameClass === 'neutral' && !ts.isIdentifier(node)) {
      // An unresolved read such as `req.headers` or `process.env`: the token model knows these.
      const match = this.tokens.credentialIn(node);
      if (match) return { ...fromOrigins, plaintext: match };
    }
    // `save(grant: UpstreamGrant)` where this file declares UpstreamGrant with an `accessToken` member.
    if (ts.isIdentifier(node) && declaration && !fromOrigins.protected && !fromOrigins.opaque && this.tokens.declaredTypeCarriesCredential(declaration)) {
      return { ...fromOrigins, plaintext: { label: node.text, origin: 'declared-type', node } };
    }
    // `if (fragment.access_token) localStorage.setItem(key, JSON.stringify(fragment))`: a record the file reads a credential out of.
    if (ts.isIdentifier(node) && declaration && !fromOrigins.protected) {
      const holder = this.tokens.credentialHolder(node, declaration);
      if (holder) return { ...fromOrigins, plaintext: holder };
    }
    return fromOrigins;
  }

  /**
   * Where a reference's value comes from. A parameter: the arguments its callers pass, each
   * judged by its own name. A destructured binding the resolver could not take out of its
   * source (`const { userId } = session`): nothing, since the whole source is not what it holds.
   */
  private valueSources(node: ts.Identifier | ts.PropertyAccessExpression | ts.ElementAccessExpression, declaration: Declaration | undefined): ts.Expression[] {
    // `fetch(tokenUrl).then((response) => response.json()).then(function (json) { store(json) })`: what the promise settles to.
    const settled = declaration ? promiseOfContinuation(declaration) : undefined;
    if (settled) return [settled];
    const callArguments = declaration ? this.tokens.argumentsFor(declaration) : undefined;
    if (callArguments) return callArguments;
    const opaqueBase = declaration?.path && declaration.initializer ? this.values.unwrap(declaration.initializer) : undefined;
    return this.values.origins(node).filter((origin) => origin !== node && origin !== opaqueBase);
  }

  private inspectObject(node: ts.ObjectLiteralExpression, depth: number, scope?: Bindings): Inspection {
    const parts: Inspection[] = [];
    for (const property of node.properties) {
      if (ts.isShorthandPropertyAssignment(property)) parts.push(this.inspect(property.name, depth + 1, scope));
      else if (ts.isPropertyAssignment(property)) {
        const key = ts.isIdentifier(property.name) || ts.isStringLiteral(property.name) ? property.name.text : undefined;
        parts.push(this.inspectProperty(key, property.initializer, property, depth, scope));
      } else if (ts.isSpreadAssignment(property)) parts.push(this.inspect(property.expression, depth + 1, scope));
    }
    return merge(parts);
  }

  /** A property's value, or its key when the value itself says nothing (`{ accessToken: value }`). */
  private inspectProperty(key: string | undefined, value: ts.Expression, node: ts.Node, depth: number, scope?: Bindings): Inspection {
    if (key !== undefined && this.tokens.classifyName(key) === 'not-credential') return EMPTY;
    const inner = this.inspect(value, depth + 1, scope);
    if (inner.plaintext || key === undefined) return inner;
    if (this.tokens.classifyName(key) === 'credential' && this.isUnprotectedValue(value, inner)) {
      return { ...inner, plaintext: { label: key, origin: 'name', node } };
    }
    return inner;
  }

  /** A value that a credential-like key may be trusted to name: not protected, not opaque, not a literal or flag. */
  isUnprotectedValue(value: ts.Expression, inspection: Inspection): boolean {
    if (inspection.protected || inspection.opaque) return false;
    const node = this.values.unwrap(value);
    if (this.tokens.isKnownNonCredential(node)) return false;
    // 'sealedRefreshToken', 'tokenHash': the value's own name says it is not the credential.
    const ownName = ts.isIdentifier(node) ? node.text : ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node) ? this.values.memberName(node) : undefined;
    if (ownName !== undefined && this.tokens.classifyName(ownName) === 'not-credential') return false;
    if (ts.isIdentifier(node) && this.values.origins(node).some((origin) => origin !== node && this.tokens.isKnownNonCredential(origin))) return false;
    if (ts.isObjectLiteralExpression(node) || ts.isArrayLiteralExpression(node) || ts.isFunctionLike(node)) return false;
    return !ts.isCallExpression(node) || this.tokens.passesThrough(node);
  }

  private inspectCall(call: ts.CallExpression, depth: number, scope?: Bindings): Inspection {
    const protection = this.recogniseProtection(call);
    if (protection) return this.protectedResult(protection, depth, scope);
    const callee = this.values.unwrap(call.expression);
    const name = dottedName(callee);
    const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
    if (this.tokens.passesThrough(call) || SERIALIZER_FUNCTIONS.has(name) || isDeepCloneParse(call, name, this.values)) {
      const parts = call.arguments.map((argument) => this.inspect(argument, depth + 1, scope));
      // `token.toString('hex')`: the receiver is the data; for `JSON.stringify` it is a namespace and adds nothing.
      if (ts.isPropertyAccessExpression(callee)) parts.push(this.inspect(callee.expression, depth + 1, scope));
      return merge(parts);
    }
    const fn = this.values.calledFunction(call) ?? this.classMethod(call);
    if (fn) {
      const wrapped = this.protectionOf(fn, 0);
      if (wrapped?.kind === 'hash') {
        // A login helper that hashes a PKCE verifier on the way and returns the token it obtained
        // (`getApiKey()` → `tokens.access_token`): what it returns is the token, not a hash. Only
        // when no returned value comes from a hashing call is the result read from the returns.
        if (this.returnsProtectedValue(fn)) return PROTECTED;
        const returned = this.inspectReturns(fn, call, depth, scope);
        return returned.protected || returned.encrypted ? PROTECTED : returned;
      }
      if (wrapped?.kind === 'encrypt') return this.protectedResult({ ...wrapped, inputs: [...call.arguments] }, depth, scope);
      // Neither: read what it returns, with its parameters bound to this call's arguments.
      const returned = this.inspectReturns(fn, call, depth, scope);
      if (returned.plaintext || returned.protected) return returned;
      const match = this.tokens.credentialIn(call);
      return match ? { ...returned, plaintext: match } : returned;
    }
    // A function this file does not show: its name is all there is.
    const words = splitWords(method);
    if (words.some((word) => ENCODING_NAME_WORDS.has(word)) || /base64|b64|encode|serializ|stringify/.test(words.join(''))) return merge(call.arguments.map((argument) => this.inspect(argument, depth + 1, scope)));
    if (words.some((word) => ENCRYPTING_NAME_WORDS.has(word))) return this.protectedResult({ kind: 'encrypt', inputs: [...call.arguments] }, depth, scope);
    if (words.some((word) => HASHING_NAME_WORDS.has(word))) return PROTECTED;
    const match = this.tokens.credentialIn(call);
    return match ? { ...OPAQUE, plaintext: match } : OPAQUE;
  }

  /** Whether a value a function returns is (or is assigned from) a hashing or encrypting call. */
  private returnsProtectedValue(fn: ts.SignatureDeclaration): boolean {
    const returned = this.values.returnedExpressions(fn as Parameters<typeof this.values.returnedExpressions>[0]);
    return returned.some((expression) => [expression, ...this.values.origins(expression)].some((origin) => {
      const node = this.values.unwrap(origin);
      if (!ts.isCallExpression(node)) return !ts.isIdentifier(node) && !ts.isPropertyAccessExpression(node) && !ts.isElementAccessExpression(node) &&
        !ts.isObjectLiteralExpression(node) && !ts.isTemplateExpression(node) && !ts.isStringLiteralLike(node);
      if (this.recogniseProtection(node)) return true;
      const inner = this.values.calledFunction(node) ?? this.classMethod(node);
      return !!inner && inner !== fn && this.protectionOf(inner, 1) !== null;
    }));
  }

  /** A local helper that neither encrypts nor hashes: what it returns for this call. */
  private inspectReturns(fn: ts.SignatureDeclaration, call: ts.CallExpression, depth: number, scope?: Bindings): Inspection {
    const bindings = new Map<ts.Node, ts.Expression>();
    fn.parameters.forEach((parameter, index) => {
      const argument = call.arguments[index];
      if (argument && ts.isIdentifier(parameter.name) && !parameter.dotDotDotToken) bindings.set(parameter, argument);
    });
    const inner: Bindings = { bindings, parent: scope };
    const returned = this.values.returnedExpressions(fn as Parameters<typeof this.values.returnedExpressions>[0]);
    return merge(returned.map((expression) => this.inspect(expression, depth + 1, inner)));
  }

  private protectedResult(protection: Protection, depth: number, scope?: Bindings): Inspection {
    if (protection.kind === 'hash') return PROTECTED;
    const inner = merge(protection.inputs.map((input) => this.inspect(input, depth + 1, scope)));
    const credential = inner.plaintext ?? inner.encrypted?.credential;
    const weakness = protection.algorithm !== undefined ? cipherWeakness(protection.algorithm) : undefined;
    return { protected: true, opaque: false, encrypted: credential ? { credential, weakness, algorithm: protection.algorithm } : inner.encrypted };
  }

  /** `this.encrypt(x)` is handled by the resolver; `cipher.seal(x)` where `cipher = new TokenCipher()` is a class in this file. */
  private classMethod(call: ts.CallExpression): ts.MethodDeclaration | undefined {
    const callee = this.values.unwrap(call.expression);
    if (!ts.isPropertyAccessExpression(callee)) return undefined;
    for (const origin of this.constructionsOf(callee.expression)) {
      if (!ts.isNewExpression(origin) || !ts.isIdentifier(origin.expression)) continue;
      const declaration = this.values.declarationOf(origin.expression);
      if (declaration?.kind !== 'class' || !ts.isClassDeclaration(declaration.node)) continue;
      const method = declaration.node.members.find(
        (member): member is ts.MethodDeclaration => ts.isMethodDeclaration(member) && !!member.name && member.name.getText() === callee.name.text,
      );
      if (method) return method;
    }
    return undefined;
  }

  /**
   * Whether a function of this file encrypts or hashes with a recognised primitive, directly or
   * through its own helpers. Encryption wins over hashing; the cipher's algorithm is kept.
   */
  private protectionOf(fn: ts.Node, depth: number): Omit<Protection, 'inputs'> | null {
    const cached = this.functionProtection.get(fn);
    if (cached !== undefined) return cached;
    if (depth > 3 || fn.end - fn.pos > MAX_WRAPPER_LENGTH) return null;
    this.functionProtection.set(fn, null);
    let found: Omit<Protection, 'inputs'> | null = null;
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        let kind: Omit<Protection, 'inputs'> | null = null;
        if (this.isCipherFactoryCall(node)) kind = { kind: 'encrypt', algorithm: this.algorithmOf(node) };
        else {
          const direct = this.recogniseProtection(node);
          if (direct) kind = { kind: direct.kind, algorithm: direct.algorithm };
          else {
            const inner = this.values.calledFunction(node) ?? this.classMethod(node);
            if (inner && inner !== fn) kind = this.protectionOf(inner, depth + 1);
          }
        }
        if (kind?.kind === 'encrypt' || (kind && !found)) found = kind;
      }
    };
    const body = (fn as ts.FunctionLikeDeclaration).body;
    if (body) forEachDescendant(body, (node) => (visit(node), found?.kind !== 'encrypt'));
    this.functionProtection.set(fn, found);
    return found;
  }

  // ----- recognising primitives ----------------------------------------------------------------

  private recogniseProtection(call: ts.CallExpression): Protection | undefined {
    const callee = this.values.unwrap(call.expression);
    const args = [...call.arguments];
    const ref = this.moduleRefOf(callee) ?? this.cryptoGlobalRef(callee);
    if (ref && ref.path.length === 1) {
      const fn = ref.path[0]!;
      if (ref.module === 'crypto') {
        if (enc.NODE_CRYPTO_HASH_FUNCTIONS.has(fn)) return { kind: 'hash', inputs: [] };
        if (enc.NODE_CRYPTO_ENCRYPT_FUNCTIONS.has(fn)) return { kind: 'encrypt', inputs: args.slice(1) };
      }
      if (enc.HASH_MODULES.has(ref.module) && enc.HASH_MODULE_FUNCTIONS.has(fn)) return { kind: 'hash', inputs: [] };
      if (own(enc.MODULE_ENCRYPT_FUNCTIONS, ref.module)?.has(fn)) return { kind: 'encrypt', inputs: args };
    }
    if (ref && ref.module.startsWith('@aws-crypto/') && ref.path.at(-1) === 'encrypt') return { kind: 'encrypt', inputs: args.slice(1) };
    const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
    if (enc.SODIUM_ENCRYPT_FUNCTIONS.test(method)) {
      const libraryRef = ref ?? (ts.isPropertyAccessExpression(callee) ? this.moduleRefOf(callee.expression) : undefined);
      const receiverWords = ts.isPropertyAccessExpression(callee) ? splitWords(dottedName(callee.expression)) : [];
      if ((libraryRef && /sodium|nacl/.test(libraryRef.module)) || receiverWords.some((word) => enc.SODIUM_RECEIVER_WORDS.has(word))) {
        return { kind: 'encrypt', inputs: args.slice(0, 1) };
      }
    }
    if (!ts.isPropertyAccessExpression(callee)) return undefined;
    const receiver = callee.expression;
    const receiverName = dottedName(this.values.unwrap(receiver));
    const receiverWords = splitWords(receiverName);

    const cipher = this.cipherFactoryOf(receiver);
    if (cipher) {
      const algorithm = this.algorithmOf(cipher);
      if (enc.CIPHER_INPUT_METHODS.has(method)) return { kind: 'encrypt', inputs: args.slice(0, 1), algorithm };
      return { kind: 'encrypt', inputs: [], algorithm };
    }
    if (this.isHashChain(receiver)) return { kind: 'hash', inputs: [] };
    if (enc.ELECTRON_ENCRYPT_METHODS.has(method) && receiverName.split('.').pop() === enc.ELECTRON_SAFE_STORAGE) return { kind: 'encrypt', inputs: args };
    if (/(^|\.)subtle$/.test(receiverName)) {
      if (method === enc.SUBTLE_DIGEST) return { kind: 'hash', inputs: [] };
      if (method === enc.SUBTLE_ENCRYPT) {
        const algorithmArgument = args[0];
        const algorithmName = algorithmArgument && (this.values.stringValues(algorithmArgument)?.[0] ?? (() => {
          const nameExpression = this.values.objectProperties(algorithmArgument)?.get('name');
          return nameExpression ? this.values.stringValues(nameExpression)?.[0] : undefined;
        })());
        return { kind: 'encrypt', inputs: args.slice(2, 3), algorithm: algorithmName && !algorithmName.includes(UNKNOWN) ? algorithmName : undefined };
      }
    }
    if (enc.KMS_ENCRYPT_METHODS.has(method)) {
      const root = this.chainRoot(receiver);
      if (ts.isNewExpression(root) && enc.JOSE_ENCRYPT_CLASSES.has(this.constructorName(root.expression) ?? '')) return { kind: 'encrypt', inputs: [...(root.arguments ?? [])] };
      if (this.isKmsClient(receiver, receiverWords)) return { kind: 'encrypt', inputs: args };
    }
    if (method === 'send') {
      for (const argument of args) {
        for (const origin of this.constructionsOf(argument)) {
          if (ts.isNewExpression(origin) && enc.KMS_ENCRYPT_COMMANDS.has(this.constructorName(origin.expression) ?? '')) {
            return { kind: 'encrypt', inputs: [...(origin.arguments ?? [])] };
          }
        }
      }
    }
    if (enc.HASH_MODULE_FUNCTIONS.has(method) && receiverWords.some((word) => enc.HASH_RECEIVER_WORDS.has(word))) return { kind: 'hash', inputs: [] };
    return undefined;
  }

  /** `crypto.createHash(…)` with the global `crypto` (Node ≥ 19, browsers). */
  private cryptoGlobalRef(callee: ts.Expression): ModuleRef | undefined {
    if (!ts.isPropertyAccessExpression(callee)) return undefined;
    const receiver = this.values.unwrap(callee.expression);
    if (ts.isIdentifier(receiver) && receiver.text === 'crypto' && !this.values.declarationOf(receiver)) return { module: 'crypto', path: [callee.name.text] };
    return undefined;
  }

  private isCipherFactoryCall(call: ts.CallExpression): boolean {
    const callee = this.values.unwrap(call.expression);
    const ref = this.moduleRefOf(callee) ?? this.cryptoGlobalRef(callee);
    if (ref?.module === 'crypto' && ref.path.length === 1) {
      return enc.CIPHER_FACTORIES.has(ref.path[0]!) || enc.DEPRECATED_CIPHER_FACTORIES.has(ref.path[0]!);
    }
    return false;
  }

  /** The `createCipheriv(...)` call a cipher object comes from. */
  private cipherFactoryOf(receiver: ts.Expression): ts.CallExpression | undefined {
    for (const origin of this.constructionsOf(receiver)) {
      if (ts.isCallExpression(origin) && this.isCipherFactoryCall(origin)) return origin;
    }
    return undefined;
  }

  private algorithmOf(factory: ts.CallExpression): string | undefined {
    const callee = this.values.unwrap(factory.expression);
    const ref = this.moduleRefOf(callee) ?? this.cryptoGlobalRef(callee);
    if (ref && enc.DEPRECATED_CIPHER_FACTORIES.has(ref.path[0] ?? '')) return 'createCipher';
    const first = factory.arguments[0];
    const value = first ? this.values.stringValues(first) : undefined;
    return value?.length === 1 && !value[0]!.includes(UNKNOWN) ? value[0] : undefined;
  }

  /** `createHash('sha256').update(x)` or `hasher.update(x)` where `hasher = createHmac(...)`. */
  private isHashChain(receiver: ts.Expression, depth = 0): boolean {
    if (depth > 6) return false;
    for (const origin of this.constructionsOf(receiver)) {
      if (!ts.isCallExpression(origin)) continue;
      const callee = this.values.unwrap(origin.expression);
      const ref = this.moduleRefOf(callee) ?? this.cryptoGlobalRef(callee);
      if (ref?.module === 'crypto' && ref.path.length === 1 && enc.NODE_CRYPTO_HASH_FUNCTIONS.has(ref.path[0]!)) return true;
      if (ts.isPropertyAccessExpression(callee) && this.isHashChain(callee.expression, depth + 1)) return true;
    }
    return false;
  }

  private chainRoot(expression: ts.Expression): ts.Expression {
    let node = this.values.unwrap(expression);
    for (let steps = 0; steps < 10; steps++) {
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(this.values.unwrap(node.expression))) {
        node = this.values.unwrap((this.values.unwrap(node.expression) as ts.PropertyAccessExpression).expression);
      } else if (ts.isIdentifier(node)) {
        const origins = this.constructionsOf(node).filter((origin) => origin !== node);
        if (origins.length !== 1) return node;
        node = origins[0]!;
      } else return node;
    }
    return node;
  }

  private isKmsClient(receiver: ts.Expression, receiverWords: string[]): boolean {
    if (receiverWords.some((word) => enc.KMS_RECEIVER_WORDS.has(word))) return true;
    for (const origin of this.constructionsOf(receiver)) {
      if (!ts.isNewExpression(origin)) continue;
      const ref = this.moduleRefOf(origin.expression);
      if ((ref && enc.KMS_MODULES.has(ref.module)) || enc.KMS_CLIENT_CONSTRUCTORS.has(this.constructorName(origin.expression) ?? '')) return true;
    }
    return false;
  }

}

/** A constructor's name as imported (`new S3Client` → 'S3Client', also under an alias) or as written. */
export function constructorName(expression: ts.Expression, values: ValueResolver): string | undefined {
  const node = values.unwrap(expression);
  if (ts.isIdentifier(node)) {
    const ref = normalisedModuleRefOf(node, values);
    return ref?.path.at(-1) ?? node.text;
  }
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  return undefined;
}

/**
 * Where a receiver was constructed: a constant's initializer, followed through plain
 * aliases. Cheaper than full data flow, which matters because sink methods such as
 * `set`, `write` and `get` are everywhere.
 */
export function constructionsOf(expression: ts.Expression, values: ValueResolver, depth = 0): ts.Expression[] {
  const node = values.unwrap(expression);
  if (depth > 4 || !ts.isIdentifier(node)) return [node];
  const declaration = values.declarationOf(node);
  if (declaration?.kind === 'variable' && declaration.initializer && !declaration.path) return constructionsOf(declaration.initializer, values, depth + 1);
  return [node];
}

/** `JSON.parse(JSON.stringify(authData))`, the deep-copy idiom: the copy holds what the original holds. */
function isDeepCloneParse(call: ts.CallExpression, name: string, values: ValueResolver): boolean {
  const argument = call.arguments[0] && values.unwrap(call.arguments[0]);
  return name === 'JSON.parse' && !!argument && ts.isCallExpression(argument) && dottedName(values.unwrap(argument.expression)) === 'JSON.stringify';
}

/** Visits a subtree without recursion (long `a + b + …` chains are deep); `visit` returns false to stop. */
export function forEachDescendant(root: ts.Node, visit: (node: ts.Node) => boolean): void {
  const stack: ts.Node[] = [root];
  const children: ts.Node[] = [];
  while (stack.length) {
    const node = stack.pop()!;
    if (!visit(node)) return;
    children.length = 0;
    ts.forEachChild(node, (child) => {
      children.push(child);
    });
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

/** A record lookup that ignores inherited properties ('toString', 'constructor'). */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** A callee's name as a reader would say it: 'fs.writeFile', 'db.insert().values', capped in length. */
export function shortName(expression: ts.Expression): string {
  const name = dottedName(expression).replace(/\.\?$/, '');
  return name.length > 60 ? `…${name.slice(-59)}` : name;
}
