import { ts } from 'ts-morph';
import {
  CREDENTIAL_HEADER_NAMES,
  CREDENTIAL_PARAMETERS,
  CREDENTIAL_PHRASES,
  CREDENTIAL_TYPE_NAMES,
  CREDENTIAL_WORDS,
  EXCLUDED_AFTER,
  EXCLUDED_ANYWHERE,
  EXCLUDED_BEFORE_TOKEN,
  NOT_CREDENTIAL_NAMES,
  TOKEN_CONTAINER_NAMES,
  TOKEN_COUNT_OWNERS,
  TOKEN_MINTING_CALLS,
  TOKEN_PRODUCING_VERBS,
} from './knowledge/credential-names.js';
import type { Declaration } from './engine/walk.js';
import { dottedName, functionName, type ValueResolver } from './engine/values.js';

export type NameClass = 'credential' | 'not-credential' | 'neutral';

/** Why a value counts as a credential; the label names it in messages. */
export interface CredentialMatch {
  label: string;
  origin: 'name' | 'token-response' | 'authorization-header' | 'request-headers' | 'environment' | 'sdk';
  node: ts.Node;
}

/** Splits 'refreshTokenTTL', 'refresh_token', 'X-Api-Key' into lowercase words. */
export function splitWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+|(?<=[A-Za-z])(?=[0-9])|(?<=[0-9])(?=[A-Za-z])/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

/** Classifies an identifier, property or header name. */
export function classifyName(name: string): NameClass {
  const lower = name.toLowerCase();
  if (CREDENTIAL_HEADER_NAMES.has(lower)) return 'credential';
  const words = splitWords(name);
  if (words.length === 0) return 'neutral';
  if (NOT_CREDENTIAL_NAMES.has(words.join('_'))) return 'not-credential';
  if (TOKEN_CONTAINER_NAMES.has(words.join(''))) return 'credential';
  if (words.some((word) => EXCLUDED_ANYWHERE.has(word))) return 'not-credential';
  // The last credential word decides, so 'secretKey' and 'AWS_SECRET_ACCESS_KEY' stay credentials
  // while 'tokenKey' and 'accessTokenExpiresAt' become metadata.
  let last = -1;
  let excludedToken = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const previous = words[i - 1];
    if ((word === 'token' || word === 'tokens') && previous !== undefined && EXCLUDED_BEFORE_TOKEN.has(previous)) {
      excludedToken = true;
      last = -1;
      continue;
    }
    if (CREDENTIAL_WORDS.has(word) || (previous !== undefined && CREDENTIAL_PHRASES.some(([a, b]) => a === previous && b === word))) {
      last = i;
    }
  }
  if (last < 0) return excludedToken ? 'not-credential' : 'neutral';
  if (words.slice(last + 1).some((word) => EXCLUDED_AFTER.has(word))) return 'not-credential';
  return 'credential';
}

/** Calls whose result carries all of their arguments' content (for leaking purposes). */
const PASS_THROUGH_FUNCTIONS = new Set([
  'String', 'JSON.stringify', 'encodeURIComponent', 'encodeURI', 'escape', 'util.inspect', 'inspect', 'util.format',
  'format', 'Buffer.from', 'Object.assign', 'structuredClone', 'btoa', 'Object.entries', 'Object.values',
  'Object.fromEntries', 'querystring.stringify', 'qs.stringify',
]);
/** Methods whose result carries their receiver's (and arguments') content. */
const PASS_THROUGH_METHODS = new Set([
  'toString', 'trim', 'trimStart', 'trimEnd', 'concat', 'toJSON', 'valueOf', 'padStart', 'padEnd', 'replace',
  'replaceAll', 'toLowerCase', 'toUpperCase', 'split', 'join', 'pop', 'shift', 'at',
]);
/** Constructors whose instance carries their arguments' content. */
const PASS_THROUGH_CONSTRUCTORS = new Set(['URLSearchParams', 'Headers', 'URL', 'Error', 'TypeError', 'Map', 'String']);

/** A prefix or suffix this short identifies a token without disclosing it. */
const SAFE_PREFIX_LENGTH = 8;
const MAX_DEPTH = 10;

/** Keys of an HTTP client's parsed response (axios `data`, got `body`) that hold the whole token response. */
const RESPONSE_BODY_KEYS = new Set(['data', 'body']);

/** Last words of objects that hold names of things (`ManagedIdentityEnvironmentVariableNames.MSI_SECRET`). */
const NAME_TABLE_WORDS = new Set(['names', 'keys', 'fields', 'labels']);

/** Callback properties whose argument is a resumption or paging token glued into one lowercase word (`onresumptiontoken`). */
const CURSOR_CALLBACK = /(resumption|page|next|cursor|continuation|sync|csrf|xsrf)_?token/i;

/** Receivers of `.encode()` that are tokenizers (LLM token ids, not credentials). */
const TOKENIZER_RECEIVER = /(^|\.)(tokenizer|encoder|encoding|enc|tiktoken|tokenizers)$/i;

/**
 * The shared token model of rules 3–5: decides whether a value is (or carries) a credential
 * from its name, its declared type, its origin (token responses, Authorization headers, SDK
 * types and parameters, the environment) and the file's data flow.
 */
export class TokenModel {
  constructor(private readonly values: ValueResolver) {}

  classifyName = classifyName;

  /** Answers per node, so that values reached along many paths are judged once per file. */
  private readonly memo = new Map<ts.Node, CredentialMatch | null>();
  private readonly pending = new Set<ts.Node>();
  private cutOffs = 0;

  /** The credential an expression's value carries, if any. */
  credentialIn(expression: ts.Expression, depth = 0): CredentialMatch | undefined {
    if (depth > MAX_DEPTH) {
      this.cutOffs++;
      return undefined;
    }
    const node = this.values.unwrap(expression);
    const known = this.memo.get(node);
    if (known !== undefined) return known ?? undefined;
    if (this.pending.has(node)) {
      this.cutOffs++; // a cycle through assignments or recursion
      return undefined;
    }
    this.pending.add(node);
    const cutOffsBefore = this.cutOffs;
    try {
      const found = this.judge(node, depth);
      // A "no" reached by cutting a search short is not final; a "yes" is.
      if (found || this.cutOffs === cutOffsBefore) this.memo.set(node, found ?? null);
      return found;
    } finally {
      this.pending.delete(node);
    }
  }

  private judge(node: ts.Expression, depth: number): CredentialMatch | undefined {

    if (ts.isIdentifier(node)) return this.credentialInIdentifier(node, depth);
    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) return this.credentialInMember(node, depth);

    if (ts.isTemplateExpression(node)) {
      for (const span of node.templateSpans) {
        const inner = this.credentialIn(span.expression, depth + 1);
        if (inner) return inner;
      }
      return undefined;
    }

    if (ts.isBinaryExpression(node)) {
      const operator = node.operatorToken.kind;
      if (operator === ts.SyntaxKind.PlusToken || operator === ts.SyntaxKind.BarBarToken || operator === ts.SyntaxKind.QuestionQuestionToken) {
        return this.credentialIn(node.left, depth + 1) ?? this.credentialIn(node.right, depth + 1);
      }
      // `a && b` is b whenever a holds; `a, b` and `a = b` are b.
      if (operator === ts.SyntaxKind.AmpersandAmpersandToken || operator === ts.SyntaxKind.CommaToken || operator === ts.SyntaxKind.EqualsToken) {
        return this.credentialIn(node.right, depth + 1);
      }
      return undefined; // comparisons and arithmetic yield booleans and numbers
    }

    if (ts.isConditionalExpression(node)) {
      return this.credentialIn(node.whenTrue, depth + 1) ?? this.credentialIn(node.whenFalse, depth + 1);
    }

    if (ts.isObjectLiteralExpression(node)) return this.credentialInObject(node, depth);

    if (ts.isArrayLiteralExpression(node)) {
      for (const element of node.elements) {
        const inner = this.credentialIn(ts.isSpreadElement(element) ? element.expression : element, depth + 1);
        if (inner) return inner;
      }
      return undefined;
    }

    if (ts.isSpreadElement(node)) return this.credentialIn(node.expression, depth + 1);

    if (ts.isNewExpression(node)) {
      const constructorName = dottedName(node.expression);
      if (!PASS_THROUGH_CONSTRUCTORS.has(constructorName)) return undefined;
      for (const argument of node.arguments ?? []) {
        const inner = this.credentialIn(argument, depth + 1);
        if (inner) return inner;
      }
      return undefined;
    }

    if (ts.isCallExpression(node)) return this.credentialInCall(node, depth);
    return undefined;
  }

  private credentialInIdentifier(node: ts.Identifier, depth: number): CredentialMatch | undefined {
    if (node.text === 'undefined') return undefined;
    const nameClass = classifyName(node.text);
    if (nameClass === 'not-credential') return undefined;
    const declaration = this.values.declarationOf(node);
    const typeClass = declaration ? declaredTypeClass(declaration) : undefined;
    if (typeClass === 'credential') return { label: node.text, origin: 'sdk', node };
    if (typeClass === 'not-credential') return undefined;
    if (declaration && this.isCredentialParameter(declaration)) return { label: node.text, origin: 'sdk', node };

    const origins = this.values.origins(node).filter((origin) => origin !== node);
    if (nameClass === 'credential') {
      if (isGenericName(node.text) && declaration && this.genericNameIsHarmless(declaration, origins)) return undefined;
      return { label: node.text, origin: 'name', node };
    }

    const opaqueBase = declaration?.path && declaration.initializer ? this.values.unwrap(declaration.initializer) : undefined;
    for (const origin of origins) {
      if (origin === opaqueBase && declaration?.path) {
        // `const { data } = await axios.post(tokenUrl, …)`: the resolver could not take the
        // property out of the call's result, so the path decides what the binding holds.
        const whole = this.credentialIn(origin, depth + 1);
        if (whole && whole.origin === 'token-response' && declaration.path.every((key) => RESPONSE_BODY_KEYS.has(key) || classifyName(key) === 'credential')) {
          return { ...whole, label: node.text };
        }
        continue;
      }
      const inner = this.credentialIn(origin, depth + 1);
      if (inner) return { ...inner, label: node.text };
    }
    return undefined;
  }

  private credentialInMember(
    node: ts.PropertyAccessExpression | ts.ElementAccessExpression,
    depth: number,
  ): CredentialMatch | undefined {
    const key = this.values.memberName(node);
    const objectName = dottedName(node.expression);
    const label = shortText(node);
    if (objectName === 'process' && key === 'env') return { label: 'process.env', origin: 'environment', node };
    if (key !== undefined) {
      const nameClass = classifyName(key);
      if (nameClass === 'not-credential') return undefined;
      if (nameClass === 'credential') {
        if (isGenericName(key) && TOKEN_COUNT_OWNERS.has(lastWord(objectName))) return undefined;
        // `EnvNames.CLIENT_SECRET`, `HEADERS.authorization = 'Authorization'`: the name of a credential, not its value.
        if (NAME_TABLE_WORDS.has(lastWord(objectName))) return undefined;
        const values = this.values.origins(node).filter((origin) => origin !== node);
        if (values.length > 0 && values.every((value) => this.isKnownNonCredential(value))) return undefined;
        // `CacheOutcome.NO_CACHED_ACCESS_TOKEN`: a member of an enum or constant table, not a runtime value.
        const owner = this.values.unwrap(node.expression);
        if (values.length === 0 && ts.isIdentifier(owner) && /^[A-Z][a-z]/.test(owner.text) && /^[A-Z][A-Z0-9_]*$/.test(key)) return undefined;
        const origin = CREDENTIAL_HEADER_NAMES.has(key.toLowerCase())
          ? 'authorization-header'
          : objectName === 'process.env' ? 'environment' : 'name';
        return { label, origin, node };
      }
      if (key === 'headers' && /(^|\.)(req|request|incoming|incomingMessage|requestInfo|ctx)$/i.test(objectName)) {
        return { label, origin: 'request-headers', node };
      }
      const object = this.values.unwrap(node.expression);
      // `header.split(' ')[1]`, `header.match(/Bearer (.+)/)[1]`
      // Index 0 is the scheme ('Bearer') or a JWT's header, not the secret part.
      if (/^[1-9]\d*$/.test(key) && ts.isCallExpression(object) && ts.isPropertyAccessExpression(object.expression) &&
          ['split', 'match', 'exec'].includes(object.expression.name.text)) {
        const receiver = object.expression.name.text === 'exec' ? object.arguments[0] : object.expression.expression;
        const inner = receiver ? this.credentialIn(receiver, depth + 1) : undefined;
        if (inner) return { ...inner, label };
      }
      if (RESPONSE_BODY_KEYS.has(key)) {
        const whole = this.credentialIn(node.expression, depth + 1);
        if (whole?.origin === 'token-response') return { ...whole, label };
      }
    }
    for (const origin of this.values.origins(node)) {
      if (origin === node) continue;
      const inner = this.credentialIn(origin, depth + 1);
      if (inner) return { ...inner, label };
    }
    return undefined;
  }

  private credentialInObject(node: ts.ObjectLiteralExpression, depth: number): CredentialMatch | undefined {
    for (const property of node.properties) {
      const inner = this.credentialInProperty(property, depth);
      if (inner) return inner;
    }
    return undefined;
  }

  /** The credential one property of an object literal carries: by its value, or by its key when the value is unknown. */
  credentialInProperty(property: ts.ObjectLiteralElementLike, depth = 0): CredentialMatch | undefined {
    if (ts.isShorthandPropertyAssignment(property)) {
      const inner = this.credentialIn(property.name, depth + 1);
      return inner ? { ...inner, node: property } : undefined;
    }
    if (ts.isPropertyAssignment(property)) {
      const inner = this.credentialIn(property.initializer, depth + 1);
      if (inner) return inner;
      const key = ts.isIdentifier(property.name) || ts.isStringLiteral(property.name) ? property.name.text : undefined;
      if (key && this.keyNamesCredential(key, property.initializer)) return { label: key, origin: 'name', node: property };
      return undefined;
    }
    if (ts.isSpreadAssignment(property)) return this.credentialIn(property.expression, depth + 1);
    return undefined;
  }

  /**
   * `{ access_token: value }`: the key says what an otherwise unknown value is. Not when the
   * value is visibly something else (a count, a boolean, a prefix, metadata) or the key is
   * the plural 'tokens', which LLM code uses for counts.
   */
  private keyNamesCredential(key: string, initializer: ts.Expression): boolean {
    if (classifyName(key) !== 'credential' || /^tokens$/i.test(key)) return false;
    const value = this.values.unwrap(initializer);
    if (this.isKnownNonCredential(value)) return false;
    if (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) return false;
    const valueName = ts.isIdentifier(value)
      ? value.text
      : ts.isPropertyAccessExpression(value) || ts.isElementAccessExpression(value) ? this.values.memberName(value) : undefined;
    if (valueName !== undefined && classifyName(valueName) === 'not-credential') return false;
    if (ts.isCallExpression(value) && !this.passesThrough(value)) return false;
    return ts.isIdentifier(value) || ts.isPropertyAccessExpression(value) || ts.isElementAccessExpression(value) ||
      ts.isTemplateExpression(value) || ts.isCallExpression(value);
  }

  private credentialInCall(call: ts.CallExpression, depth: number): CredentialMatch | undefined {
    const callee = this.values.unwrap(call.expression);
    const name = dottedName(callee);
    const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
    const receiver = ts.isPropertyAccessExpression(callee) ? callee.expression : undefined;

    if (PASS_THROUGH_FUNCTIONS.has(name) || (!receiver && PASS_THROUGH_FUNCTIONS.has(method))) {
      for (const argument of call.arguments) {
        const inner = this.credentialIn(argument, depth + 1);
        if (inner) return inner;
      }
      return undefined;
    }
    if (receiver && PASS_THROUGH_METHODS.has(method)) {
      if ((method === 'replace' || method === 'replaceAll') && isMaskReplacement(call.arguments[1])) return undefined;
      const inner = this.credentialIn(receiver, depth + 1);
      if (inner) return inner;
      if (method === 'concat') {
        for (const argument of call.arguments) {
          const fromArgument = this.credentialIn(argument, depth + 1);
          if (fromArgument) return fromArgument;
        }
      }
      return undefined;
    }
    if (receiver && (method === 'slice' || method === 'substring' || method === 'substr')) {
      if (isShortSlice(call)) return undefined;
      return this.credentialIn(receiver, depth + 1);
    }
    if (receiver && (method === 'json' || method === 'text') && this.isTokenEndpointResponse(receiver)) {
      return { label: shortText(call), origin: 'token-response', node: call };
    }
    // axios, got and ky return the parsed body of a token request directly.
    if (!/(^|\.)fetch$/.test(name) && this.isTokenRequest(call)) return { label: shortText(call), origin: 'token-response', node: call };
    if (receiver && ['get', 'header', 'getHeader', 'getItem'].includes(method)) {
      const header = call.arguments[0];
      const headerName = header && (ts.isStringLiteral(header) || ts.isNoSubstitutionTemplateLiteral(header)) ? header.text : undefined;
      if (headerName !== undefined && classifyName(headerName) === 'credential') {
        const origin = CREDENTIAL_HEADER_NAMES.has(headerName.toLowerCase()) ? 'authorization-header' : 'name';
        return { label: shortText(call), origin, node: call };
      }
    }
    if (TOKEN_MINTING_CALLS.has(name) || (method === 'sign' && receiver && /SignJWT|EncryptJWT/.test(receiver.getText()))) {
      return { label: shortText(call), origin: 'token-response', node: call };
    }
    // arctic's `tokens.accessToken()`, `tokens.refreshToken()`
    if (receiver && call.arguments.length === 0 && classifyName(method) === 'credential') {
      return { label: shortText(call), origin: 'name', node: call };
    }
    if (method && isTokenProducingCall(method) && !(receiver && classifyName(lastSegment(dottedName(receiver))) === 'not-credential')) {
      return { label: `${method}()`, origin: 'token-response', node: call };
    }
    const local = this.values.calledFunction(call);
    if (local) {
      for (const returned of this.values.returnedExpressions(local)) {
        const inner = this.credentialIn(returned, depth + 1);
        if (!inner) continue;
        // A helper that returns its parameter hands back what the caller passed.
        const parameterIndex = ts.isIdentifier(inner.node)
          ? local.parameters.findIndex((parameter) => ts.isIdentifier(parameter.name) && parameter.name.text === (inner.node as ts.Identifier).text)
          : -1;
        if (parameterIndex < 0) return { ...inner, label: shortText(call) };
        const argument = call.arguments[parameterIndex];
        const fromArgument = argument ? this.credentialIn(argument, depth + 1) : undefined;
        if (fromArgument) return fromArgument;
      }
    }
    return undefined;
  }

  /** A parameter that the MCP SDK fills with a credential (`verifyAccessToken(token)`, `exchangeRefreshToken(client, refreshToken)`). */
  private isCredentialParameter(declaration: Declaration): boolean {
    const parameter = declaration.node;
    if (declaration.kind !== 'parameter' || declaration.path || !ts.isParameter(parameter)) return false;
    const fn = parameter.parent;
    const name = functionName(fn);
    const positions = name !== undefined ? CREDENTIAL_PARAMETERS.get(name) : undefined;
    return positions?.includes(fn.parameters.indexOf(parameter)) ?? false;
  }

  /**
   * 'token' in a lexer, a tokenizer loop or a count: the value is known and is not a credential
   * (every origin is a literal, count or parser output; the loop runs over parser output; the
   * declared type is a structure that is not one of the SDKs' token types).
   */
  private genericNameIsHarmless(declaration: Declaration, origins: ts.Expression[]): boolean {
    if (origins.length > 0 && origins.every((origin) => this.isKnownNonCredential(origin))) return true;
    const node = declaration.node;
    if (ts.isVariableDeclaration(node) && ts.isVariableDeclarationList(node.parent) && ts.isForOfStatement(node.parent.parent)) {
      return this.isNonCredentialCollection(node.parent.parent.expression);
    }
    if (ts.isParameter(node) && !declaration.path) {
      if (node.type && ts.isTypeReferenceNode(node.type) && !CREDENTIAL_TYPE_NAMES.has(entityName(node.type.typeName))) return true;
      const fn = node.parent;
      const call = fn.parent;
      // `{ onresumptiontoken: (token) => … }`
      if (call && (ts.isPropertyAssignment(call) || ts.isMethodDeclaration(fn)) && CURSOR_CALLBACK.test((ts.isMethodDeclaration(fn) ? fn.name : (call as ts.PropertyAssignment).name).getText())) return true;
      // `words.map((token) => …)` over parser output
      if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && call && ts.isCallExpression(call) &&
          ts.isPropertyAccessExpression(call.expression) && call.arguments[0] === fn) {
        return this.isNonCredentialCollection(call.expression.expression);
      }
    }
    return false;
  }

  private isNonCredentialCollection(expression: ts.Expression): boolean {
    const node = this.values.unwrap(expression);
    if (this.isKnownNonCredential(node)) return true;
    if (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node)) {
      const name = ts.isIdentifier(node) ? node.text : node.name.text;
      if (classifyName(name) === 'not-credential') return true;
      const origins = this.values.origins(node).filter((origin) => origin !== node);
      return origins.length > 0 && origins.every((origin) => this.isKnownNonCredential(origin));
    }
    return false;
  }

  /** `fetch(url, …)`/`axios.post(…)`/`got.post(…)` whose URL or body marks it as a token-endpoint request. */
  isTokenEndpointResponse(expression: ts.Expression): boolean {
    return this.values.origins(expression).some((origin) => ts.isCallExpression(origin) && this.isTokenRequest(origin));
  }

  /** An HTTP call to a token endpoint: its URL ends in /token or /access_token, or its body has a `grant_type`. */
  private isTokenRequest(call: ts.CallExpression): boolean {
    const callee = dottedName(call.expression);
    if (!/(^|\.)(fetch|post|request|got|undici\.request|ky|axios)$/.test(callee)) return false;
    for (const argument of call.arguments) {
      const strings = this.values.stringValues(argument);
      if (strings?.some((value) => /\/(oauth2?\/)?(access_)?token([?#]|$)|\/token\b(?!\/(introspect|revoke|info))|grant_type=/.test(value))) return true;
      const properties = this.values.objectProperties(argument);
      if (properties?.has('grant_type')) return true;
      const body = properties?.get('body') ?? properties?.get('data') ?? properties?.get('form') ?? properties?.get('json');
      if (body) {
        if (this.values.objectProperties(body)?.has('grant_type')) return true;
        if (this.values.stringValues(body)?.some((value) => value.includes('grant_type='))) return true;
      }
      const url = properties?.get('url');
      if (url && this.values.stringValues(url)?.some((value) => /\/(oauth2?\/)?(access_)?token\b/.test(value))) return true;
      const unwrapped = this.values.unwrap(argument);
      if (ts.isIdentifier(unwrapped) && /token_?(url|endpoint)/i.test(unwrapped.text)) return true;
      if (ts.isPropertyAccessExpression(unwrapped) && /token_?(url|endpoint)/i.test(unwrapped.name.text)) return true;
    }
    return false;
  }

  /** Whether a call hands its input through unchanged (`String(x)`, `JSON.stringify(x)`, `x.trim()`). */
  passesThrough(call: ts.CallExpression): boolean {
    const callee = this.values.unwrap(call.expression);
    const name = dottedName(callee);
    if (PASS_THROUGH_FUNCTIONS.has(name)) return true;
    if (ts.isPropertyAccessExpression(callee) && PASS_THROUGH_METHODS.has(callee.name.text)) {
      return !((callee.name.text === 'replace' || callee.name.text === 'replaceAll') && isMaskReplacement(call.arguments[1]));
    }
    return false;
  }

  /** Literals, booleans, counts, lengths and parser output: values a generic name like 'token' can hold without being a credential. */
  isKnownNonCredential(expression: ts.Expression): boolean {
    const node = this.values.unwrap(expression);
    if (ts.isNumericLiteral(node) || ts.isBigIntLiteral(node) || node.kind === ts.SyntaxKind.TrueKeyword || node.kind === ts.SyntaxKind.FalseKeyword) return true;
    if (node.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(node) && node.text === 'undefined')) return true;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      // Placeholders, words and identifier-like names; a secret has digits or is long and random.
      return /^(\[?redacted\]?|\*+|<[^>]*>|[a-z][a-z _.:-]*|)$/i.test(node.text) || node.text.length < 8;
    }
    if (ts.isPrefixUnaryExpression(node)) return node.operator === ts.SyntaxKind.ExclamationToken || node.operator === ts.SyntaxKind.MinusToken || node.operator === ts.SyntaxKind.PlusToken;
    if (ts.isTypeOfExpression(node) || ts.isVoidExpression(node)) return true;
    if (ts.isBinaryExpression(node)) {
      const operator = node.operatorToken.kind;
      return operator >= ts.SyntaxKind.FirstBinaryOperator && operator <= ts.SyntaxKind.LastBinaryOperator &&
        ![ts.SyntaxKind.PlusToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.AmpersandAmpersandToken,
          ts.SyntaxKind.CommaToken, ts.SyntaxKind.EqualsToken].includes(operator);
    }
    if (ts.isPropertyAccessExpression(node) && ['length', 'size', 'byteLength'].includes(node.name.text)) return true;
    if (ts.isCallExpression(node)) {
      const callee = this.values.unwrap(node.expression);
      const name = dottedName(callee);
      if (/(^|\.)(tokenize|lex|scan|nextToken|Boolean|Number|parseInt|parseFloat|isNaN|count\w*|countTokens|estimateTokens|encodingForModel|get_encoding)$/.test(name)) return true;
      if (ts.isPropertyAccessExpression(callee)) {
        const method = callee.name.text;
        if (method === 'encode' && TOKENIZER_RECEIVER.test(dottedName(callee.expression))) return true;
        if ((method === 'split' || method === 'match' || method === 'matchAll') && !this.credentialIn(callee.expression)) return true;
        if (['has', 'includes', 'startsWith', 'endsWith', 'test', 'some', 'every', 'indexOf'].includes(method)) return true;
      }
    }
    return false;
  }
}

/** What a declaration's type annotation says: an SDK token type, a number or boolean, or nothing. */
function declaredTypeClass(declaration: Declaration): 'credential' | 'not-credential' | undefined {
  const node = declaration.node;
  if (declaration.path) return undefined;
  const type = ts.isVariableDeclaration(node) || ts.isParameter(node) || ts.isPropertyDeclaration(node) ? node.type : undefined;
  if (!type) return undefined;
  const members = ts.isUnionTypeNode(type) ? type.types : [type];
  let result: 'credential' | 'not-credential' | undefined;
  for (const member of members) {
    if (member.kind === ts.SyntaxKind.NumberKeyword || member.kind === ts.SyntaxKind.BooleanKeyword) result ??= 'not-credential';
    else if (ts.isTypeReferenceNode(member) && CREDENTIAL_TYPE_NAMES.has(entityName(member.typeName))) return 'credential';
  }
  return members.every((member) => member.kind === ts.SyntaxKind.NumberKeyword || member.kind === ts.SyntaxKind.BooleanKeyword ||
    member.kind === ts.SyntaxKind.UndefinedKeyword || (ts.isLiteralTypeNode(member) && member.literal.kind === ts.SyntaxKind.NullKeyword))
    ? result
    : undefined;
}

function entityName(name: ts.EntityName): string {
  return ts.isIdentifier(name) ? name.text : name.right.text;
}

/** Method names whose call returns a credential or a token set (`getToken`, `refreshAccessToken`, `exchangeCodeForTokens`). */
function isTokenProducingCall(name: string): boolean {
  const words = splitWords(name);
  if (!TOKEN_PRODUCING_VERBS.has(words[0] ?? '') || words.length < 2) return false;
  return classifyName(words.slice(1).join('_')) === 'credential';
}

/** `x.slice(0, 6)`, `x.substring(0, 4)`, `x.slice(-4)`: a short prefix or suffix. */
function isShortSlice(call: ts.CallExpression): boolean {
  const [start, end] = call.arguments;
  if (start && end && ts.isNumericLiteral(start) && ts.isNumericLiteral(end)) return Number(end.text) - Number(start.text) <= SAFE_PREFIX_LENGTH;
  if (start && !end && ts.isPrefixUnaryExpression(start) && start.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(start.operand)) {
    return Number(start.operand.text) <= SAFE_PREFIX_LENGTH;
  }
  return false;
}

/** `token.replace(/./g, '*')`: a replacement made only of mask characters hides the value. */
function isMaskReplacement(replacement: ts.Expression | undefined): boolean {
  if (!replacement || !(ts.isStringLiteral(replacement) || ts.isNoSubstitutionTemplateLiteral(replacement))) return false;
  return /^([*•x#.]+|\[redacted\]|<redacted>)$/i.test(replacement.text);
}

/** Names too generic to trust without looking at where the value comes from. */
function isGenericName(name: string): boolean {
  return /^(token|tokens|tok|t)$/i.test(name);
}

function lastSegment(dotted: string): string {
  return dotted.slice(dotted.lastIndexOf('.') + 1);
}

function lastWord(dotted: string): string {
  const words = splitWords(lastSegment(dotted));
  return words[words.length - 1] ?? '';
}

function shortText(node: ts.Node): string {
  const text = node.getText().replace(/\s+/g, ' ');
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
