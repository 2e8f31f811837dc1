import { ROUTE_METHODS, TOKEN_ROUTE_PATH } from '../knowledge/authorization-server.js';
import { ts } from '../engine/typescript.js';
import {
  AUTHORIZATION_CODE_PARAMETERS,
  BEARER_AUTH_MIDDLEWARE,
  REQUEST_AUTH_INFO_MEMBER,
  CALLBACK_ERROR_PARAMETER,
  CALLBACK_HANDLER_WORDS,
  OUTGOING_REDIRECT_TARGETS,
  CLAIMS_READING_CALLS,
  URL_PARAMETER_WORDS,
  COMMAND_RUNNERS,
  CREDENTIAL_PRINTING_COMMANDS,
  CREDENTIAL_RECORD_KINDS,
  CREDENTIAL_RECORD_OWNERS,
  RECORD_READING_VERBS,
  REQUEST_PARAMETER_MEMBERS,
  REQUEST_PARAMETER_METHODS,
  URL_CREDENTIAL_PARAMETER,
  URL_PARAMETER_SETTERS,
  CREDENTIAL_HEADER_NAMES,
  CREDENTIAL_PARAMETERS,
  OIDC_CLIENT_MODULE,
  OIDC_USER_METHODS,
  CREDENTIAL_PHRASES,
  CREDENTIAL_TYPE_NAMES,
  CREDENTIAL_WORDS,
  EXCLUDED_AFTER,
  EXCLUDED_ANYWHERE,
  EXCLUDED_BEFORE_TOKEN,
  HTTP_ERROR_GUARDS,
  HTTP_ERROR_TYPES,
  MODULE_CREDENTIAL_TYPES,
  NOT_CREDENTIAL_NAMES,
  REQUEST_CONFIG_TYPES,
  TOKEN_CONTAINER_NAMES,
  TOKEN_COUNT_OWNERS,
  TOKEN_MINTING_CALLS,
  TOKEN_PRODUCING_VERBS,
} from '../knowledge/credential-names.js';
import type { Declaration } from '../engine/walk.js';
import { dottedName, functionName, type ValueResolver } from '../engine/values.js';
import { importedFrom, normalisedModuleRefOf } from '../engine/modules.js';
import type { FollowQuery } from '../engine/flow.js';
import { looksLikeSecret, maskSecrets, SECRET_SHAPE } from '../knowledge/secret-shapes.js';
import { OAUTH2ORIZE_CODE_EXCHANGE } from '../knowledge/authorization-server.js';

export type NameClass = 'credential' | 'not-credential' | 'neutral';

/** Why a value counts as a credential; the label names it in messages. */
export interface CredentialMatch {
  label: string;
  origin:
    | 'name'
    | 'token-response'
    | 'authorization-header'
    | 'request-headers'
    | 'environment'
    | 'sdk'
    /** A value whose declared type (an interface or type alias of this file) has a credential member. */
    | 'declared-type'
    /** An HTTP client's request configuration (axios `config`), whose headers carry the Authorization header. */
    | 'request-config'
    /** An axios error logged whole: it carries the request configuration. */
    | 'http-error'
    /** An OAuth authorization code: a `code` request parameter, or a URL that carries one. */
    | 'authorization-code'
    /** A record of an OAuth server's storage model (token, code or client record) handed over whole. */
    | 'credential-record'
    /** A record the file reads a credential out of (`config.client_secret`, `hash.access_token`), used whole. */
    | 'credential-holder';
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

/** Names repeat across a file and across files: each is classified once (bounded, then cleared). */
const NAME_CLASS_CACHE = new Map<string, NameClass>();
const NAME_CLASS_CACHE_LIMIT = 50_000;

/** Classifies an identifier, property or header name. */
export function classifyName(name: string): NameClass {
  let known = NAME_CLASS_CACHE.get(name);
  if (known === undefined) {
    if (NAME_CLASS_CACHE.size >= NAME_CLASS_CACHE_LIMIT) NAME_CLASS_CACHE.clear();
    known = classifyWords(name);
    NAME_CLASS_CACHE.set(name, known);
  }
  return known;
}

function classifyWords(name: string): NameClass {
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
    // 'userDidFromToken', 'claimsFromJwt': what comes after 'from' is where the value was read, not what it is.
    if (word === 'from' && i > 0) break;
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

/**
 * A prefix or suffix this short identifies a token without disclosing it: 20 characters are a
 * JWT's header or the issuer's prefix and a few characters of an opaque token, whose secret part
 * is longer (GitHub 36, Google 100+ characters). A preview of 50 shows a whole short token.
 */
const SAFE_PREFIX_LENGTH = 20;
/** A path or URL without query or fragment: `/oauth/token`, `https://example.com/api/token`. */
const ENDPOINT_PATH = /^(?:https?:\/\/[\w.-]+(?::\d+)?)?\/[\w\-./{}:]*$/;
const MAX_DEPTH = 10;

/** Keys of an HTTP client's parsed response (axios `data`, got `body`), or a command's result (`stdout`), that hold the whole token response. */
const RESPONSE_BODY_KEYS = new Set(['data', 'body', 'stdout']);

/** Last words of objects that hold names of things (`ManagedIdentityEnvironmentVariableNames.MSI_SECRET`). */
const NAME_TABLE_WORDS = new Set(['names', 'keys', 'fields', 'labels', 'vars', 'variables']);
/** Last words of objects whose members are endpoints (`baseUrls.token`, `endpoints.revoke`, `routes.token`). */
const ENDPOINT_TABLE_WORDS = new Set(['urls', 'uris', 'endpoints', 'paths', 'routes', 'hosts']);
/** Last words of enum-like objects whose PascalCase members are kinds, not values (`AuthMode.ClientProvidedToken`). */
const KIND_TABLE_WORDS = new Set(['mode', 'modes', 'type', 'types', 'kind', 'kinds', 'method', 'methods', 'strategy', 'outcome']);

/** Callback properties whose argument is a resumption or paging token glued into one lowercase word (`onresumptiontoken`). */
const CURSOR_CALLBACK = /(resumption|page|next|cursor|continuation|sync|csrf|xsrf)_?token/i;

/** Call sites followed per parameter: enough for real code, bounded for generated code. */
const MAX_CALL_SITES = 64;
/** Nesting of type aliases and interfaces followed when reading a declared type. */
const MAX_TYPE_DEPTH = 4;

/** `root.member =`, `root['key'] =` (not `==`, `=>`) in a file's text: the roots of member writes. */
const MEMBER_WRITE_TEXT = /(?<![\w$.])([A-Za-z_$][\w$]*)(?:\??\.[\w$]+|\[[^\]\n]+\])+\s*=(?![=>])/g;
/** `root.searchParams.set(` and `.append(` in a file's text: the roots of URL query writes. */
const URL_PARAMETER_WRITE_TEXT = /(?<![\w$.])([A-Za-z_$][\w$]*)(?:\??\.[\w$]+)*\.searchParams\.(?:set|append)\(/g;
/** `name(`, `name?.(`, `name<T>(` in a file's text: names that may be called. */
const CALL_TEXT = /(?<![\w$])([A-Za-z_$][\w$]*)\s*(?:\?\.)?[(<]/g;

/** Array methods whose callback's return values make up the result. */
const ITERATING_METHODS = new Set(['map', 'flatMap']);

/** Receivers of `.encode()` that are tokenizers (LLM token ids, not credentials). */
const TOKENIZER_RECEIVER = /(^|\.)(tokenizer|encoder|encoding|enc|tiktoken|tokenizers)$/i;

const MODELS = new WeakMap<ValueResolver, TokenModel>();

/**
 * The credential model of a file's value resolver (one per Flow, so rules that share a Flow
 * share its answers): what rules ask whether a value is, or carries, a credential.
 */
export function credentialsFor(values: ValueResolver): TokenModel {
  let model = MODELS.get(values);
  if (!model) MODELS.set(values, (model = new TokenModel(values)));
  return model;
}

/**
 * The shared token model of rules 3–5: decides whether a value is (or carries) a credential
 * from its name, its declared type, its origin (token responses, Authorization headers, SDK
 * types and parameters, the environment) and the file's data flow.
 */
export class TokenModel {
  constructor(private readonly values: ValueResolver) {}

  classifyName = classifyName;

  /**
   * What a value carries, followed through the file's one Flow (shared with the value resolver's
   * questions and budget). A "no" reached by cutting a search short is not remembered; a "yes" is.
   */
  private readonly credentialQuery: FollowQuery<CredentialMatch | undefined> = {
    name: 'credential',
    maxDepth: MAX_DEPTH,
    depthBeforeMemo: true,
    rememberCutAnswers: false,
    isFinal: (found) => found !== undefined,
    cut: () => undefined,
    judge: (node, depth) => this.judge(node, depth),
  };
  // Per source file: with the scan's other files, values lead into imported modules too.
  private readonly fileFacts = new Map<ts.SourceFile, FileFacts>();
  private readonly writtenRoots = new Map<ts.SourceFile, Set<string>>();
  private readonly memberWritesByOwner = new Map<string, Map<MemberWriteOwner | undefined, MemberWrite[]>>();
  private readonly memberWriteVerdicts = new Map<MemberWriteOwner | string, Map<string, MemberWriteVerdict | null>>();
  private readonly callMentions = new Map<ts.SourceFile, Map<string, number>>();
  private readonly argumentsByParameter = new Map<ts.ParameterDeclaration, ts.Expression[]>();

  /** The credential an expression's value carries, if any. */
  credentialIn(expression: ts.Expression, depth = 0): CredentialMatch | undefined {
    return this.values.flow.follow(expression, this.credentialQuery, depth);
  }

  private judge(node: ts.Expression, depth: number): CredentialMatch | undefined {
    // A credential written into the source ('ghp_…', `Bearer sk-…`): the literal is the secret.
    if (ts.isStringLiteralLike(node) && looksLikeSecret(node.text)) return { label: SECRET_SHAPE, origin: 'name', node };
    if (ts.isTemplateExpression(node) && [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].some(looksLikeSecret)) {
      return { label: SECRET_SHAPE, origin: 'name', node };
    }

    if (ts.isIdentifier(node)) return this.credentialInIdentifier(node, depth);
    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) return this.credentialInMember(node, depth);

    if (ts.isTemplateExpression(node)) {
      let before = node.head.text;
      for (const span of node.templateSpans) {
        const inner = this.credentialIn(span.expression, depth + 1);
        if (inner) return inner;
        // `${redirectUri}?code=${code}`: the parameter's name says what the URL carries.
        const parameter = URL_CREDENTIAL_PARAMETER.exec(before);
        if (parameter && !this.isKnownNonCredential(span.expression)) return { label: parameter[1]!, origin: parameter[1] === 'code' ? 'authorization-code' : 'name', node: span.expression };
        before = span.literal.text;
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
      // `new URL(path, base)`: the new URL takes the base's origin, not its query.
      const carried = constructorName === 'URL' ? (node.arguments ?? []).slice(0, 1) : node.arguments ?? [];
      for (const argument of carried) {
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
    const typeClass = declaration ? declaredTypeClass(declaration, this.values) : undefined;
    if (typeClass === 'credential') return { label: node.text, origin: 'sdk', node };
    if (typeClass === 'not-credential') return undefined;
    if (declaration && this.isCredentialParameter(declaration)) return { label: node.text, origin: 'sdk', node };
    if (declaration && this.declaredTypeCarriesCredential(declaration)) return { label: node.text, origin: 'declared-type', node };
    if (declaration && this.isHttpError(node, declaration, depth)) return { label: node.text, origin: 'http-error', node };
    if (declaration && this.isRequestConfigParameter(declaration)) return { label: node.text, origin: 'request-config', node };

    // `if (data.error) console.error(data)`: where a token response says it is an error, it holds none.
    if (declaration && inErrorBodyBranch(node, declaration, this.values)) return undefined;
    // `const data = await response.json(); if (!response.ok) log(data)`: a failed response's body is an OAuth error.
    if (declaration && readInFailureOfItsResponse(node, declaration, this.values)) return undefined;
    const origins = this.values.origins(node).filter((origin) => origin !== node);
    if (nameClass === 'credential') {
      if (isGenericName(node.text) && declaration && this.genericNameIsHarmless(declaration, origins)) return undefined;
      // `const CacheManagerGetRefreshToken = 'cacheManagerGetRefreshToken'`: an event name, not a token;
      // `const accessTokenData = { id, grantId, wrappedKey }`: a record about a token, visibly without it.
      // 'basic auth (user: ${name}, ${password.length} chars)' and cookie-name lists describe credentials without holding one.
      if (origins.length > 0 && origins.every((origin) => this.isKnownNonCredential(origin) || this.isRecordWithoutCredential(origin, depth) ||
          this.isTextWithoutCredential(origin, depth) || (declaration !== undefined && this.isListOfHarmless(origin, node, declaration, depth)))) return undefined;
      return { label: node.text, origin: 'name', node };
    }

    // A parameter is what its callers pass: judge each argument by its own name and origin, so that
    // `const { accessToken } = session; save(accessToken)` stays 'accessToken' (and `userId` stays harmless).
    if (declaration && this.callbackRecord(declaration)) return { label: node.text, origin: 'credential-record', node };
    if (declaration && isCallbackUrlParameter(declaration)) return { label: node.text, origin: 'authorization-code', node };
    if (declaration && isExchangedCodeParameter(declaration, this.values)) return { label: node.text, origin: 'authorization-code', node };
    // `getApplicationToken().then((data) => …)`: the callback's parameter is the token response the promise resolves to.
    const settled = declaration ? promiseOfContinuation(declaration) : undefined;
    if (settled) {
      const inner = this.credentialIn(settled, depth + 1);
      return inner?.origin === 'token-response' ? { ...inner, label: node.text } : undefined;
    }
    const callArguments = declaration ? this.argumentsFor(declaration) : undefined;
    if (callArguments) {
      for (const argument of callArguments) {
        const inner = this.credentialIn(argument, depth + 1);
        if (inner) return inner;
      }
      return this.credentialInMemberWrites(node, depth) ?? this.credentialHolder(node, declaration!);
    }

    const opaqueBase = declaration?.path && declaration.initializer ? this.values.unwrap(declaration.initializer) : undefined;
    // `const { code } = req.query`
    if (opaqueBase && declaration?.path?.length === 1 && AUTHORIZATION_CODE_PARAMETERS.has(declaration.path[0]!) && this.isRequestParameters(opaqueBase, depth)) {
      return { label: node.text, origin: 'authorization-code', node };
    }
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
      // `const { AC } = process.env; const config = AC || 'default'`: one variable, not the whole environment.
      if (inner?.origin === 'environment' && inner.label === 'process.env' && isDestructuredSource(origin)) continue;
      if (inner) return { ...inner, label: node.text };
    }
    return this.credentialInMemberWrites(node, depth) ?? (declaration ? this.credentialHolder(node, declaration) : undefined);
  }

  /**
   * A record the file reads a credential out of: `config` where `config.client_secret` is read,
   * `hash` where `hash.access_token` is, logged or stored whole. Only reads by a credential's own
   * name count (not a bare `token`, nor a database session's `sessionToken`), and not one that asks
   * whether it is missing (`!data.access_token`); a record whose credential member the file deletes,
   * and a record spread into a copy (which may replace the member), do not count.
   */
  credentialHolder(node: ts.Identifier, declaration: Declaration): CredentialMatch | undefined {
    if (declaration.kind !== 'variable' && declaration.kind !== 'parameter') return undefined;
    // `{ ...client, clientSecret: hashed }`: a copy may replace or drop the member, so only the record itself counts.
    if (node.parent && (ts.isSpreadAssignment(node.parent) || ts.isSpreadElement(node.parent))) return undefined;
    const reads = this.facts(node).memberReads.get(node.text);
    if (!reads || this.inBranchWhereMissing(node, declaration)) return undefined;
    let found: MemberRead | undefined;
    for (const read of reads) {
      if (read.root === node || this.values.declarationOf(read.root)?.node !== declaration.node) continue;
      if (read.removed) return undefined;
      if (!read.negated) found ??= read;
    }
    return found ? { label: node.text, origin: 'credential-holder', node } : undefined;
  }

  /** `if (!response || !response.data) log(response)`: a branch taken where the record, or a part of it, is missing. */
  private inBranchWhereMissing(node: ts.Node, declaration: Declaration): boolean {
    for (let child: ts.Node = node, parent = node.parent; parent && !ts.isFunctionLike(parent); child = parent, parent = parent.parent) {
      if (!ts.isIfStatement(parent) || parent.thenStatement !== child) continue;
      let missing = false;
      const visit = (part: ts.Node): void => {
        if (missing) return;
        if (ts.isPrefixUnaryExpression(part) && part.operator === ts.SyntaxKind.ExclamationToken) {
          const root = rootOf(this.values.unwrap(part.operand));
          if (root && ts.isIdentifier(root) && this.values.declarationOf(root)?.node === declaration.node) missing = true;
        }
        ts.forEachChild(part, visit);
      };
      visit(parent.expression);
      if (missing) return true;
    }
    return false;
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
        // `this.baseUrls.token`, `endpoints.token`, `OAUTH_PATHS.token`: where a token is requested, not a token.
        if (ENDPOINT_TABLE_WORDS.has(lastWord(objectName))) return undefined;
        const values = this.values.origins(node).filter((origin) => origin !== node);
        if (values.length > 0 && values.every((value) => this.isKnownNonCredential(value))) return undefined;
        // `CacheOutcome.NO_CACHED_ACCESS_TOKEN`: a member of an enum or constant table, not a runtime value.
        const owner = this.values.unwrap(node.expression);
        if (values.length === 0 && ts.isIdentifier(owner) && /^[A-Z][a-z]/.test(owner.text) && /^[A-Z][A-Z0-9_]*$/.test(key)) return undefined;
        // `AuthMode.ClientProvidedToken`: a member of an imported enum of modes or kinds.
        if (values.length === 0 && ts.isIdentifier(owner) && /^[A-Z][a-z]/.test(owner.text) && KIND_TABLE_WORDS.has(lastWord(owner.text)) && /^[A-Z][A-Za-z0-9]*$/.test(key)) return undefined;
        const origin = CREDENTIAL_HEADER_NAMES.has(key.toLowerCase())
          ? 'authorization-header'
          : objectName === 'process.env' ? 'environment' : 'name';
        return { label, origin, node };
      }
      if (AUTHORIZATION_CODE_PARAMETERS.has(key) && this.isRequestParameters(node.expression, depth)) return { label, origin: 'authorization-code', node };
      // `req.auth` where the MCP SDK's requireBearerAuth runs: the verified AuthInfo, whose `token` is the bearer token.
      if (key === REQUEST_AUTH_INFO_MEMBER && REQUEST_OBJECT.test(objectName) && BEARER_AUTH_MIDDLEWARE.test(node.getSourceFile().text)) return { label, origin: 'sdk', node };
      // `console.log(req.url)` in a handler that reads `code` from that URL: the callback URL carries the code.
      if (key === 'url' && REQUEST_OBJECT.test(objectName) && this.handlerReadsCode(node)) return { label, origin: 'authorization-code', node };
      // `req.body` in the handler of `app.post('/token', …)`: a code, refresh token or client secret.
      if (key === 'body' && this.isTokenEndpointRequest(node.expression)) return { label, origin: 'token-response', node };
      if (key === 'headers' && /(^|\.)(req|request|incoming|incomingMessage|requestInfo|ctx)$/i.test(objectName)) {
        return { label, origin: 'request-headers', node };
      }
      const object = this.values.unwrap(node.expression);
      // `error.config` of an axios error, `config.headers` in a request interceptor.
      if (key === 'config' && this.isErrorValue(object, depth)) return { label, origin: 'request-config', node };
      if (key === 'headers' && this.isRequestConfig(object, depth)) return { label, origin: 'request-config', node };
      // `header.split(' ')[1]`, `header.match(/Bearer (.+)/)[1]`
      // Index 0 is the scheme ('Bearer') or a JWT's header, not the secret part.
      if (/^[1-9]\d*$/.test(key) && ts.isCallExpression(object) && ts.isPropertyAccessExpression(object.expression) &&
          ['split', 'match', 'exec'].includes(object.expression.name.text)) {
        // `value.match(/skip=(\d+)/)[1]`: a group of digits only is a number, not the secret.
        if (capturesDigitsOnly(object, Number(key))) return undefined;
        const receiver = object.expression.name.text === 'exec' ? object.arguments[0] : object.expression.expression;
        const inner = receiver ? this.credentialIn(receiver, depth + 1) : undefined;
        if (inner) return { ...inner, label };
      }
      // `settings.gitlabToken.value`, `apiKey.value`: the value of a credential-named holder is the credential
      // (not of a bare 'token', which in a lexer holds source text).
      if (key === 'value') {
        const holder = lastSegment(objectName);
        if (holder && classifyName(holder) === 'credential' && !isGenericName(holder)) {
          const inner = this.credentialIn(node.expression, depth + 1);
          if (inner) return { ...inner, label };
        }
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
    if (key !== undefined && node.expression.kind === ts.SyntaxKind.ThisKeyword && this.fieldTypeCarriesCredential(node, key)) {
      return { label, origin: 'declared-type', node };
    }
    return this.credentialInMemberWrites(node, depth);
  }

  /**
   * What later assignments put into an object: `headers.Authorization = \`Bearer ${token}\``
   * before `log(headers)`, or `this.session = tokens` in another method of the class.
   */
  private credentialInMemberWrites(node: ts.Identifier | ts.PropertyAccessExpression | ts.ElementAccessExpression, depth: number): CredentialMatch | undefined {
    const root = rootOf(node);
    const rootName = root && (ts.isIdentifier(root) ? root.text : 'this');
    if (!root || !rootName || !this.textMayWrite(node.getSourceFile(), rootName)) return undefined;
    // Writes to `this` count in any method of the class; writes to a variable only before the read, to the same variable.
    const owner = ts.isIdentifier(root) ? this.values.declarationOf(root) : thisOwner(root);
    if (!ts.isIdentifier(root) && owner === undefined) return undefined;
    const target = dottedName(node);
    const verdict = this.memberWriteVerdict(node, rootName, owner, target, depth);
    if (!verdict || (ts.isIdentifier(root) && verdict.position > node.pos)) return undefined;
    const label = shortText(node);
    return verdict.inner ? { ...verdict.inner, label } : { label, origin: 'name', node };
  }

  /**
   * The first write (in document order) to `target` or below it, among one owner's member writes,
   * that puts a credential there: computed once per owner and target, so that a file of many
   * writes and many reads of one object stays linear (each read compares one position).
   */
  private memberWriteVerdict(read: ts.Node, rootName: string, owner: MemberWriteOwner | undefined, target: string, depth: number): MemberWriteVerdict | undefined {
    const writes = this.memberWritesOf(read, rootName).get(owner);
    if (!writes) return undefined;
    let byTarget = this.memberWriteVerdicts.get(owner ?? rootName);
    if (!byTarget) this.memberWriteVerdicts.set(owner ?? rootName, (byTarget = new Map()));
    const known = byTarget.get(target);
    if (known !== undefined) return known ?? undefined;
    const cutsBefore = this.values.flow.cutsOf(this.credentialQuery);
    let found: MemberWriteVerdict | undefined;
    for (const write of writes) {
      const exact = write.target === target;
      if (!exact && !write.target.startsWith(`${target}.`)) continue;
      if (!exact && this.keyNamesCredential(write.key, write.value)) {
        found = { position: write.value.pos };
        break;
      }
      if (write.urlParameter && AUTHORIZATION_CODE_PARAMETERS.has(write.key) && !this.isKnownNonCredential(write.value)) {
        found = { position: write.value.pos, inner: { label: write.key, origin: 'authorization-code', node: write.value } };
        break;
      }
      const inner = this.credentialIn(write.value, depth + 1);
      if (inner) {
        found = { position: write.value.pos, inner };
        break;
      }
    }
    // As in `credentialIn`: a "no" reached by cutting a search short is not final.
    if (found || this.values.flow.cutsOf(this.credentialQuery) === cutsBefore) byTarget.set(target, found ?? null);
    return found;
  }

  /** One root name's member writes grouped by what they write to (the variable's declaration, or `this`'s class), in document order. */
  private memberWritesOf(read: ts.Node, rootName: string): Map<MemberWriteOwner | undefined, MemberWrite[]> {
    let grouped = this.memberWritesByOwner.get(rootName);
    if (grouped) return grouped;
    grouped = new Map();
    const writes = [...(this.facts(read).memberWrites.get(rootName) ?? [])].sort((a, b) => a.value.pos - b.value.pos);
    for (const write of writes) {
      const owner = ts.isIdentifier(write.root) ? this.values.declarationOf(write.root) : thisOwner(write.root);
      if (!ts.isIdentifier(write.root) && owner === undefined) continue;
      const list = grouped.get(owner);
      if (list) list.push(write);
      else grouped.set(owner, [write]);
    }
    this.memberWritesByOwner.set(rootName, grouped);
    return grouped;
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
      const key = ts.isIdentifier(property.name) || ts.isStringLiteral(property.name) ? property.name.text : undefined;
      const inner = this.credentialIn(property.initializer, depth + 1);
      // `{ access_token: 'ghp_…' }`: the key names what the literal is.
      if (inner) return inner.label === SECRET_SHAPE && key !== undefined ? { ...inner, label: key } : inner;
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
    if (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) return looksLikeSecret(value.text);
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
    if (receiver && (method === 'json' || method === 'text') && this.isTokenResponseObject(receiver, depth)) {
      // Read where the response failed (`if (!response.ok) … await response.text()`): an OAuth error body.
      if (inFailureBranch(call, receiver, this.values)) return undefined;
      return { label: shortText(call), origin: 'token-response', node: call };
    }
    // `fetchToken().then((r) => r.json())`: the promise resolves to what the callback returns.
    if (receiver && method === 'then' && call.arguments[0]) {
      const fn = this.values.unwrap(call.arguments[0]);
      if (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) {
        for (const returned of this.values.returnedExpressions(fn)) {
          const inner = this.credentialIn(returned, depth + 1);
          if (inner?.origin === 'token-response') return { ...inner, label: shortText(call) };
        }
      }
    }
    // axios, got and ky return the parsed body of a token request directly.
    if (!/(^|\.)fetch$/.test(name) && this.isTokenRequest(call)) return { label: shortText(call), origin: 'token-response', node: call };
    // `execAsync('sf org display --json')`: a CLI that prints a token.
    if (COMMAND_RUNNERS.test(name) && call.arguments[0] && this.values.stringValues(call.arguments[0])?.some((command) => CREDENTIAL_PRINTING_COMMANDS.test(command))) {
      return { label: shortText(call), origin: 'token-response', node: call };
    }
    if (receiver && (method === 'get' || REQUEST_PARAMETER_METHODS.has(method))) {
      const parameter = call.arguments[0];
      const parameterName = parameter && ts.isStringLiteralLike(parameter) ? parameter.text : undefined;
      if (parameterName !== undefined && AUTHORIZATION_CODE_PARAMETERS.has(parameterName) &&
          (method === 'get' ? this.isRequestParameters(receiver, depth) : /(^|\.)(req|request)$/.test(dottedName(receiver)))) {
        return { label: shortText(call), origin: 'authorization-code', node: call };
      }
    }
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
    // oidc-client(-ts): `await userManager.signinSilent()` is the User with its tokens.
    if (receiver && OIDC_USER_METHODS.has(method) && OIDC_CLIENT_MODULE.test(call.getSourceFile().text)) {
      return { label: `${method}()`, origin: 'token-response', node: call };
    }
    if (method && isTokenProducingCall(method) && !(receiver && classifyName(lastSegment(dottedName(receiver))) === 'not-credential')) {
      return { label: `${method}()`, origin: 'token-response', node: call };
    }
    // `Object.entries(credentials).map(([key, value]) => \`${key}=${value}\`)`: each element comes back whole.
    if (receiver && ITERATING_METHODS.has(method) && call.arguments[0]) {
      const fn = this.values.unwrap(call.arguments[0]);
      if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && this.values.returnedExpressions(fn).some((returned) => this.carriesParameter(returned, fn, 0))) {
        const inner = this.credentialIn(receiver, depth + 1);
        if (inner) return { ...inner, label: shortText(call) };
      }
    }
    const local = this.values.calledFunction(call);
    // `redactToken(token)`, `maskSecret(key)`: a helper named for hiding the value returns it hidden.
    if (local && splitWords(method).some((word) => SANITIZER_WORDS.has(word))) return undefined;
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

  /**
   * The expressions a plain (not destructured) parameter is bound to: its default and the
   * matching argument at each call of its function in this file. Undefined for anything else.
   * The arguments are returned unresolved, so that each keeps its own name.
   */
  argumentsFor(declaration: Declaration): ts.Expression[] | undefined {
    const parameter = declaration.node;
    if (declaration.kind !== 'parameter' || declaration.path || !ts.isParameter(parameter) || parameter.dotDotDotToken) return undefined;
    // Every question that meets the parameter asks again; the call sites do not change.
    let found = this.argumentsByParameter.get(parameter);
    if (!found) this.argumentsByParameter.set(parameter, (found = this.computeArgumentsFor(parameter)));
    return found;
  }

  private computeArgumentsFor(parameter: ts.ParameterDeclaration): ts.Expression[] {
    const fn = parameter.parent;
    const found: ts.Expression[] = parameter.initializer ? [parameter.initializer] : [];
    const name = functionName(fn);
    if (name === undefined) return found;
    const position = fn.parameters.indexOf(parameter);
    const sites = this.textMayCall(fn, name) ? [...(this.facts(fn).callsByName.get(name) ?? [])] : [];
    // A helper of another module of the scan: its calls in the analysed file bind its parameters too.
    const linker = this.values.linker;
    if (linker && this.values.isInOtherFile(fn)) {
      for (const local of new Set([name, ...(linker.localNamesOf(fn) ?? [])])) sites.push(...(this.facts(linker.homeFile).callsByName.get(local) ?? []));
    }
    for (const call of sites) {
      if (call.pos >= fn.pos && call.end <= fn.end && call.getSourceFile() === fn.getSourceFile()) continue; // recursion adds nothing
      const argument = call.arguments[position];
      if (!argument || ts.isSpreadElement(argument)) continue;
      // `other.save(x)` that this file shows to be another function is not a call of this one,
      // and `db.update(x)` on an unknown object does not call a plain function named `update`.
      const target = this.values.calledFunction(call);
      if (target ? target !== fn : ts.isPropertyAccessExpression(call.expression) && (!isMethodLike(fn) || isUnrelatedReceiver(call.expression, fn))) continue;
      found.push(argument);
      if (found.length >= MAX_CALL_SITES) break;
    }
    return found;
  }

  /**
   * Whether a declaration's type annotation is, or holds, a credential: an SDK token type, or an
   * interface, type alias or type literal of this file with a credential-named member
   * (`save(data: StoredTokens)` where `interface StoredTokens { accessToken: string }`).
   */
  declaredTypeCarriesCredential(declaration: Declaration): boolean {
    if (declaration.path) return false;
    // An SDK type that holds tokens, or an SDK hook's credential parameter, whatever it is called.
    if (declaredTypeClass(declaration, this.values) === 'credential' || this.isCredentialParameter(declaration)) return true;
    const node = declaration.node;
    const type = ts.isVariableDeclaration(node) || ts.isParameter(node) || ts.isPropertyDeclaration(node) ? node.type : undefined;
    return !!type && this.typeCarriesCredential(type, 0);
  }

  /** `this.session` where the class declares `session: StoredSession` (as a field or a constructor parameter property). */
  private fieldTypeCarriesCredential(node: ts.PropertyAccessExpression | ts.ElementAccessExpression, key: string): boolean {
    const owner = thisOwner(node.expression);
    if (!owner || !ts.isClassLike(owner)) return false;
    for (const member of owner.members) {
      if (ts.isPropertyDeclaration(member) && member.type && propertyName(member.name) === key) return this.typeCarriesCredential(member.type, 0);
      if (ts.isConstructorDeclaration(member)) {
        const parameter = member.parameters.find((candidate) => ts.isIdentifier(candidate.name) && candidate.name.text === key && ts.getModifiers(candidate)?.length);
        if (parameter?.type) return this.typeCarriesCredential(parameter.type, 0);
      }
    }
    return false;
  }

  private typeCarriesCredential(type: ts.TypeNode, depth: number): boolean {
    if (depth > MAX_TYPE_DEPTH) return false;
    if (ts.isTypeLiteralNode(type)) return this.membersCarryCredential(type.members, depth);
    if (ts.isArrayTypeNode(type)) return this.typeCarriesCredential(type.elementType, depth + 1);
    if (ts.isUnionTypeNode(type) || ts.isIntersectionTypeNode(type)) return type.types.some((member) => this.typeCarriesCredential(member, depth + 1));
    if (ts.isParenthesizedTypeNode(type)) return this.typeCarriesCredential(type.type, depth + 1);
    if (!ts.isTypeReferenceNode(type)) return false;
    const name = entityName(type.typeName);
    if (CREDENTIAL_TYPE_NAMES.has(name)) return true;
    // `Record<string, StoredTokens>`, `Promise<Grant>`, `Partial<Grant>`
    if (type.typeArguments?.some((argument) => this.typeCarriesCredential(argument, depth + 1))) return true;
    const local = ts.isIdentifier(type.typeName) ? this.facts(type).localTypes.get(name) : undefined;
    if (!local) return false;
    if (ts.isInterfaceDeclaration(local)) return this.membersCarryCredential(local.members, depth + 1);
    return this.typeCarriesCredential(local.type, depth + 1);
  }

  private membersCarryCredential(members: ts.NodeArray<ts.TypeElement>, depth: number): boolean {
    return members.some((member) => {
      if (!ts.isPropertySignature(member) || !member.name) return false;
      const name = propertyName(member.name);
      if (name === undefined) return false;
      const nameClass = classifyName(name);
      if (nameClass === 'not-credential') return false;
      const valueType = member.type;
      // A structure of this file is judged by its members, not by the name it is kept under
      // (`authorization: AuthorizationSettings` is configuration, not the header).
      if (valueType && (ts.isTypeLiteralNode(valueType) || (ts.isTypeReferenceNode(valueType) && ts.isIdentifier(valueType.typeName) && this.facts(valueType).localTypes.has(valueType.typeName.text)))) {
        return this.typeCarriesCredential(valueType, depth + 1);
      }
      if (nameClass !== 'credential') return !!valueType && this.typeCarriesCredential(valueType, depth + 1);
      return !valueType || !isNonSecretType(valueType, isGenericName(name));
    });
  }

  /** An error caught from, or handed to an error callback of, an HTTP client: its `config` holds the request's headers. */
  private isErrorValue(expression: ts.Expression, depth: number): boolean {
    const node = this.values.unwrap(expression);
    if (!ts.isIdentifier(node) || depth > MAX_DEPTH) return false;
    const declaration = this.values.declarationOf(node);
    if (!declaration || declaration.path) return false;
    const declared = declaration.node;
    if (ts.isVariableDeclaration(declared) && ts.isCatchClause(declared.parent)) return true;
    if (hasTypeNamed(declaration, HTTP_ERROR_TYPES)) return true;
    if (ts.isParameter(declared)) return isErrorCallbackParameter(declared);
    // `const e = err as AxiosError`
    return declaration.kind === 'variable' && this.values.origins(node).some((origin) => origin !== node && this.isErrorValue(origin, depth + 1));
  }

  /**
   * An error logged whole that is provably an axios error (declared `AxiosError`, or inside
   * `if (axios.isAxiosError(e))`): axios puts the request configuration, headers included, on it.
   * A plain `catch (err) { console.error(err) }` is not reported: nothing shows which client threw.
   */
  private isHttpError(node: ts.Identifier, declaration: Declaration, depth: number): boolean {
    if (declaration.path || depth > MAX_DEPTH) return false;
    if (hasTypeNamed(declaration, HTTP_ERROR_TYPES)) return true;
    const declared = declaration.node;
    if (!ts.isParameter(declared) && !(ts.isVariableDeclaration(declared) && ts.isCatchClause(declared.parent))) return false;
    if (inGuardedBranch(node, (condition) => this.guardsHttpError(condition, declaration))) return true;
    if (ts.isParameter(declared)) return this.rejectsCredentialedAxiosRequest(declared, depth);
    return ts.isVariableDeclaration(declared) && ts.isCatchClause(declared.parent) && this.triesCredentialedAxiosRequest(declared.parent, depth);
  }

  /**
   * `axios.get(url, { headers: { Authorization } }).catch((err) => log(err))`: the first parameter
   * of a rejection handler (`.catch(cb)`, `.then(ok, cb)`) on a promise chain that starts with a
   * credentialed axios request is that request's axios error.
   */
  private rejectsCredentialedAxiosRequest(parameter: ts.ParameterDeclaration, depth: number): boolean {
    const handler = parameter.parent;
    if ((!ts.isArrowFunction(handler) && !ts.isFunctionExpression(handler)) || handler.parameters[0] !== parameter) return false;
    const call = handler.parent;
    if (!call || !ts.isCallExpression(call) || !ts.isPropertyAccessExpression(call.expression)) return false;
    const method = call.expression.name.text;
    const position = call.arguments.indexOf(handler as ts.Expression);
    if (!((method === 'catch' && position === 0) || (method === 'then' && position === 1))) return false;
    // Down the chain (`.then(…).catch(…)`) to the call that made the promise.
    let receiver = this.values.unwrap(call.expression.expression);
    for (let steps = 0; steps < 8 && ts.isCallExpression(receiver); steps++) {
      const callee = this.values.unwrap(receiver.expression);
      if (ts.isPropertyAccessExpression(callee) && PROMISE_CHAIN_METHODS.has(callee.name.text) && !isAxiosRequest(receiver, this.values)) {
        receiver = this.values.unwrap(callee.expression);
        continue;
      }
      return this.isCredentialedRequestCall(receiver, depth, 0);
    }
    return false;
  }

  /**
   * A call whose rejection is a credentialed axios request's error: the request itself (it sends a
   * credential, or it is an OAuth token request whose body holds the grant), or a call of a function
   * of the scan that makes such a request without catching its error (`await this.exchangeCode(code)`).
   */
  private isCredentialedRequestCall(call: ts.CallExpression, depth: number, hops: number): boolean {
    if (isAxiosRequest(call, this.values)) {
      return call.arguments.some((argument) => this.credentialIn(argument, depth + 1) !== undefined) || this.isTokenRequest(call);
    }
    // One hop: the helper that makes the request, not every function that calls one.
    if (hops > 0) return false;
    const fn = this.values.calledFunction(call);
    if (!fn?.body) return false;
    if (this.requestingFunctions.has(fn)) return this.requestingFunctions.get(fn) ?? false;
    this.requestingFunctions.set(fn, undefined);
    const found = this.blockMakesCredentialedRequest(fn.body, depth, hops + 1);
    this.requestingFunctions.set(fn, found);
    return found;
  }

  /** Functions judged by isCredentialedRequestCall; undefined while one is being judged (recursion). */
  private readonly requestingFunctions = new Map<ts.Node, boolean | undefined>();

  /** Whether a block runs a credentialed request whose error escapes it (not caught by a catch that keeps it). */
  private blockMakesCredentialedRequest(block: ts.Node, depth: number, hops: number): boolean {
    let seen = 0;
    let found = false;
    const visit = (node: ts.Node): void => {
      if (found || seen++ > MAX_TRY_NODES) return;
      // Functions declared in the block run elsewhere; their errors are not caught here.
      if (ts.isFunctionDeclaration(node) || ts.isClassLike(node) || ts.isMethodDeclaration(node)) return;
      // A nested try with its own catch keeps its block's errors, unless the catch throws again.
      if (ts.isTryStatement(node) && node.catchClause) {
        if (rethrows(node.catchClause)) visit(node.tryBlock);
        visit(node.catchClause.block);
        if (node.finallyBlock) visit(node.finallyBlock);
        return;
      }
      if (ts.isCallExpression(node) && this.isCredentialedRequestCall(node, depth, hops)) {
        found = true;
        return;
      }
      ts.forEachChild(node, visit);
    };
    visit(block);
    return found;
  }

  private readonly credentialedTries = new WeakMap<ts.CatchClause, boolean>();

  /**
   * `try { await axios.post(tokenUrl, { refresh_token }) } catch (error) { … }`: the try block
   * itself sends a credential with axios, so what is caught is that request's axios error,
   * whose `config` (headers and body) the log prints.
   */
  private triesCredentialedAxiosRequest(clause: ts.CatchClause, depth: number): boolean {
    const known = this.credentialedTries.get(clause);
    if (known !== undefined) return known;
    this.credentialedTries.set(clause, false);
    const found = this.blockMakesCredentialedRequest(clause.parent.tryBlock, depth, 0);
    this.credentialedTries.set(clause, found);
    return found;
  }

  private guardsHttpError(condition: ts.Expression, declaration: Declaration): boolean {
    const node = this.values.unwrap(condition);
    if (ts.isBinaryExpression(node)) {
      if (node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return this.guardsHttpError(node.left, declaration) || this.guardsHttpError(node.right, declaration);
      if (node.operatorToken.kind === ts.SyntaxKind.InstanceOfKeyword) {
        const subject = this.values.unwrap(node.left);
        return ts.isIdentifier(subject) && this.values.declarationOf(subject) === declaration && HTTP_ERROR_TYPES.has(lastSegment(dottedName(node.right)));
      }
      return false;
    }
    if (!ts.isCallExpression(node) || !HTTP_ERROR_GUARDS.test(dottedName(node.expression))) return false;
    const subject = node.arguments[0] ? this.values.unwrap(node.arguments[0]) : undefined;
    return !!subject && ts.isIdentifier(subject) && this.values.declarationOf(subject) === declaration;
  }

  /** `error.config` of an HTTP error, or the config parameter of a request interceptor: an object whose `headers` carry credentials. */
  private isRequestConfig(expression: ts.Expression, depth: number): boolean {
    const node = this.values.unwrap(expression);
    if (ts.isPropertyAccessExpression(node) && node.name.text === 'config') return this.isErrorValue(node.expression, depth + 1);
    if (!ts.isIdentifier(node)) return false;
    const declaration = this.values.declarationOf(node);
    return !!declaration && this.isRequestConfigParameter(declaration);
  }

  /** `api.interceptors.request.use((config) => …)`, or a value declared `AxiosRequestConfig`. */
  private isRequestConfigParameter(declaration: Declaration): boolean {
    if (declaration.path) return false;
    if (hasTypeNamed(declaration, REQUEST_CONFIG_TYPES)) return true;
    const parameter = declaration.node;
    if (!ts.isParameter(parameter) || parameter.parent.parameters[0] !== parameter) return false;
    const call = parameter.parent.parent;
    return !!call && ts.isCallExpression(call) && call.arguments[0] === parameter.parent && /(^|\.)interceptors\.request\.use$/.test(dottedName(call.expression));
  }

  /**
   * Cheap first tests on the file's text before its facts are collected (one more walk): a member
   * write needs `name.x =` or `name[…] =`, a call needs `name(` beyond a declaration's own.
   * One pass of the text each, on first need.
   */
  private textMayWrite(sourceFile: ts.SourceFile, root: string): boolean {
    let roots = this.writtenRoots.get(sourceFile);
    if (!roots) this.writtenRoots.set(sourceFile, (roots = new Set([...sourceFile.text.matchAll(MEMBER_WRITE_TEXT), ...sourceFile.text.matchAll(URL_PARAMETER_WRITE_TEXT)].map((match) => match[1]!))));
    return roots.has(root);
  }

  /** Whether `fn` may be called by `name` in this file: more mentions of `name(` than its own declaration makes. */
  private textMayCall(fn: ts.SignatureDeclaration, name: string): boolean {
    const sourceFile = fn.getSourceFile();
    const text = sourceFile.text;
    let mentions = this.callMentions.get(sourceFile);
    if (!mentions) {
      this.callMentions.set(sourceFile, (mentions = new Map()));
      for (const match of text.matchAll(CALL_TEXT)) mentions.set(match[1]!, (mentions.get(match[1]!) ?? 0) + 1);
    }
    // `function save(` and `save(tokens) {` mention the name once themselves; `const save = (` does not.
    const ownName = ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn) || ts.isMethodDeclaration(fn) ? fn.name : undefined;
    const declared = ownName && /^\s*[(<]/.test(text.slice(ownName.end, ownName.end + 20)) ? 1 : 0;
    return (mentions.get(name) ?? 0) > declared;
  }

  /** What this file declares and assigns, beyond the engine's index; built once, on first need. */
  private facts(node: ts.Node): FileFacts {
    const sourceFile = node.getSourceFile();
    let facts = this.fileFacts.get(sourceFile);
    if (!facts) this.fileFacts.set(sourceFile, (facts = collectFileFacts(sourceFile)));
    return facts;
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
      // `(token: Token)` from a lexer is harmless; `(tokens: IAuthTokens)`, `(token: RefreshToken)` name what they hold.
      if (node.type && ts.isTypeReferenceNode(node.type) && !CREDENTIAL_TYPE_NAMES.has(entityName(node.type.typeName)) &&
          !splitWords(entityName(node.type.typeName)).some((word) => AUTH_TYPE_WORDS.has(word))) return true;
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

  private readonly codeReadingHandlers = new WeakMap<ts.Node, boolean>();

  /**
   * Whether the function that receives the request `request.url` belongs to reads an
   * authorization code from a URL or query: `searchParams.get('code')`, `req.query.code`.
   */
  private handlerReadsCode(url: ts.PropertyAccessExpression | ts.ElementAccessExpression): boolean {
    const root = rootOf(url);
    const declaration = root && ts.isIdentifier(root) ? this.values.declarationOf(root) : undefined;
    const handler = declaration?.kind === 'parameter' ? declaration.node.parent : undefined;
    if (!handler || !ts.isFunctionLike(handler)) return false;
    const known = this.codeReadingHandlers.get(handler);
    if (known !== undefined) return known;
    let seen = 0;
    let found = false;
    const visit = (node: ts.Node): void => {
      if (found || seen++ > MAX_HANDLER_NODES) return;
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'get' &&
          node.arguments[0] && ts.isStringLiteralLike(node.arguments[0]) && AUTHORIZATION_CODE_PARAMETERS.has(node.arguments[0].text)) found = true;
      else if (ts.isPropertyAccessExpression(node) && AUTHORIZATION_CODE_PARAMETERS.has(node.name.text) && /(^|\.)query$/.test(dottedName(node.expression))) found = true;
      else ts.forEachChild(node, visit);
    };
    visit(handler);
    this.codeReadingHandlers.set(handler, found);
    return found;
  }

  /**
   * A response whose body is a token response: of a token-endpoint request, of a call that
   * produces tokens (`await requestToken(code)`), or the value a `.then` continuation receives from one.
   */
  private isTokenResponseObject(receiver: ts.Expression, depth: number): boolean {
    const node = this.values.unwrap(receiver);
    const declaration = ts.isIdentifier(node) ? this.values.declarationOf(node) : undefined;
    const source = (declaration && promiseOfContinuation(declaration)) ?? receiver;
    return this.isTokenEndpointResponse(source) || this.credentialIn(source, depth + 1)?.origin === 'token-response';
  }

  /** `fetch(url, …)`/`axios.post(…)`/`got.post(…)` whose URL or body marks it as a token-endpoint request. */
  isTokenEndpointResponse(expression: ts.Expression): boolean {
    return this.values.origins(expression).some((origin) => ts.isCallExpression(origin) && this.isTokenRequest(origin));
  }

  /** A call that sends an HTTP request: `fetch(…)`, axios (also compiled, `axios_1.default.post(…)`). */
  sendsRequest(call: ts.CallExpression): boolean {
    return /(^|\.)fetch$/.test(dottedName(this.values.unwrap(call.expression))) || isAxiosRequest(call, this.values);
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
        if (this.setsGrantType(body)) return true;
      }
      const url = properties?.get('url');
      if (url && this.values.stringValues(url)?.some((value) => /\/(oauth2?\/)?(access_)?token\b/.test(value))) return true;
      const unwrapped = this.values.unwrap(argument);
      if (ts.isIdentifier(unwrapped) && /token_?(url|endpoint)/i.test(unwrapped.text)) return true;
      if (ts.isPropertyAccessExpression(unwrapped) && /token_?(url|endpoint)/i.test(unwrapped.name.text)) return true;
    }
    return false;
  }

  /** `params.set('grant_type', 'refresh_token')` on the form a request sends as its body. */
  private setsGrantType(body: ts.Expression): boolean {
    const node = this.values.unwrap(body);
    if (!ts.isIdentifier(node)) return false;
    const declaration = this.values.declarationOf(node);
    if (!declaration) return false;
    let found = false;
    const visit = (child: ts.Node): void => {
      if (found) return;
      if (ts.isCallExpression(child) && ts.isPropertyAccessExpression(child.expression) && URL_PARAMETER_SETTERS.has(child.expression.name.text) &&
          ts.isIdentifier(child.expression.expression) && child.expression.expression.text === node.text &&
          child.arguments[0] !== undefined && ts.isStringLiteralLike(child.arguments[0]) && child.arguments[0].text === 'grant_type' &&
          this.values.declarationOf(child.expression.expression) === declaration) {
        found = true;
        return;
      }
      ts.forEachChild(child, visit);
    };
    ts.forEachChild(declaration.scope, visit);
    return found;
  }

  /**
   * A request's parameters: `req.query`, `url.searchParams`, `c.req.query()`, or a `URLSearchParams`
   * made in this file (of a form body, a callback URL's search string).
   */
  private isRequestParameters(expression: ts.Expression, depth: number): boolean {
    if (depth > MAX_DEPTH) return false;
    const node = this.values.unwrap(expression);
    if (ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.BarBarToken || node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) {
      return this.isRequestParameters(node.left, depth + 1);
    }
    if (ts.isNewExpression(node)) return dottedName(node.expression) === 'URLSearchParams';
    if (ts.isPropertyAccessExpression(node)) return REQUEST_PARAMETER_MEMBERS.test(dottedName(node));
    if (ts.isCallExpression(node)) {
      const callee = this.values.unwrap(node.expression);
      return ts.isPropertyAccessExpression(callee) && REQUEST_PARAMETER_METHODS.has(callee.name.text) && /(^|\.)(req|request)$/.test(dottedName(callee.expression));
    }
    if (!ts.isIdentifier(node)) return false;
    return this.values.origins(node).some((origin) => origin !== node && !ts.isIdentifier(origin) && this.isRequestParameters(origin, depth + 1));
  }

  /** Whether an expression a callback returns holds one of its parameters whole (not its length, a slice or a mask of it). */
  private carriesParameter(expression: ts.Expression, fn: ts.SignatureDeclaration, depth: number): boolean {
    if (depth > MAX_DEPTH) return false;
    const node = this.values.unwrap(expression);
    const inner = (part: ts.Expression): boolean => this.carriesParameter(part, fn, depth + 1);
    if (ts.isIdentifier(node)) {
      const declaration = this.values.declarationOf(node);
      if (declaration?.kind !== 'parameter' || declaration.node.pos < fn.pos || declaration.node.end > fn.end) return false;
      // `([key, value]) => …` over `Object.entries(…)`: the key is a name, the value is what is carried.
      const binding = declaration.node;
      return !(ts.isBindingElement(binding) && ts.isArrayBindingPattern(binding.parent) && binding.parent.elements.indexOf(binding) === 0 && binding.parent.elements.length > 1);
    }
    if (ts.isTemplateExpression(node)) return node.templateSpans.some((span) => inner(span.expression));
    if (ts.isBinaryExpression(node)) {
      const operator = node.operatorToken.kind;
      return (operator === ts.SyntaxKind.PlusToken || operator === ts.SyntaxKind.BarBarToken || operator === ts.SyntaxKind.QuestionQuestionToken) && (inner(node.left) || inner(node.right));
    }
    if (ts.isConditionalExpression(node)) return inner(node.whenTrue) || inner(node.whenFalse);
    if (ts.isArrayLiteralExpression(node)) return node.elements.some((element) => !ts.isSpreadElement(element) && inner(element));
    if (ts.isCallExpression(node) && this.passesThrough(node)) {
      const callee = this.values.unwrap(node.expression);
      return (ts.isPropertyAccessExpression(callee) && inner(callee.expression)) || node.arguments.some((argument) => inner(argument));
    }
    return false;
  }

  /** The request parameter of a handler registered for a token endpoint's path (`app.post('/oauth/token', (req, res) => …)`). */
  private isTokenEndpointRequest(expression: ts.Expression): boolean {
    const node = this.values.unwrap(expression);
    if (!ts.isIdentifier(node)) return false;
    const declaration = this.values.declarationOf(node);
    if (declaration?.kind !== 'parameter' || declaration.path || !ts.isParameter(declaration.node)) return false;
    const fn = declaration.node.parent;
    if (fn.parameters[0] !== declaration.node) return false;
    const route = fn.parent;
    if (!ts.isCallExpression(route) || !route.arguments.includes(fn as ts.Expression)) return false;
    const callee = this.values.unwrap(route.expression);
    if (!ts.isPropertyAccessExpression(callee) || !ROUTE_METHODS.has(callee.name.text) || !route.arguments[0]) return false;
    return this.values.stringValues(route.arguments[0])?.some((path) => TOKEN_ROUTE_PATH.test(path)) ?? false;
  }

  /**
   * The second parameter of a node-style callback handed to a call that fetches or creates a record
   * of an OAuth server's storage model: `model.accessToken.fetchByToken(t, function (err, obj) { … })`.
   */
  private callbackRecord(declaration: Declaration): boolean {
    const parameter = declaration.node;
    if (declaration.kind !== 'parameter' || declaration.path || !ts.isParameter(parameter)) return false;
    const fn = parameter.parent;
    if (!(ts.isFunctionExpression(fn) || ts.isArrowFunction(fn)) || fn.parameters.indexOf(parameter) !== 1) return false;
    const first = fn.parameters[0]!;
    if (!ts.isIdentifier(first.name) || !CALLBACK_ERROR_PARAMETER.test(first.name.text)) return false;
    const call = fn.parent;
    if (!ts.isCallExpression(call) || call.arguments[call.arguments.length - 1] !== fn) return false;
    const callee = this.values.unwrap(call.expression);
    if (!ts.isPropertyAccessExpression(callee)) return false;
    const verb = splitWords(callee.name.text)[0] ?? '';
    if (!RECORD_READING_VERBS.has(verb)) return false;
    const segments = dottedName(callee.expression).split('.');
    const kind = segments[segments.length - 1]?.toLowerCase() ?? '';
    const owner = segments[segments.length - 2]?.toLowerCase() ?? '';
    return CREDENTIAL_RECORD_KINDS.has(kind) && CREDENTIAL_RECORD_OWNERS.has(owner);
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

  /**
   * An object literal every property of which visibly holds no credential: metadata keys, ids,
   * wrapped or hashed values, numbers (`{ id: tokenId, grantId, expiresAt: now + ttl }`).
   * A credential-named key, a spread or a method makes it a possible carrier.
   */
  private isRecordWithoutCredential(expression: ts.Expression, depth: number): boolean {
    const node = this.values.unwrap(expression);
    if (!ts.isObjectLiteralExpression(node) || node.properties.length === 0 || depth > MAX_DEPTH) return false;
    return node.properties.every((property) => {
      if (!ts.isPropertyAssignment(property) && !ts.isShorthandPropertyAssignment(property)) return false;
      const key = ts.isIdentifier(property.name) || ts.isStringLiteral(property.name) ? property.name.text : undefined;
      if (key === undefined) return false;
      const keyClass = classifyName(key);
      if (keyClass === 'not-credential') return true;
      if (keyClass === 'credential') return false;
      return this.isVisiblyHarmless(ts.isShorthandPropertyAssignment(property) ? property.name : property.initializer, depth + 1);
    });
  }

  /** An array literal of harmless values that only ever gets harmless values pushed (`const cookieNames = ['sid']; cookieNames.push(name)`). */
  private isListOfHarmless(origin: ts.Expression, identifier: ts.Identifier, declaration: Declaration, depth: number): boolean {
    const list = this.values.unwrap(origin);
    if (!ts.isArrayLiteralExpression(list) || !list.elements.every((element) => this.isVisiblyHarmless(element, depth + 1))) return false;
    let harmless = true;
    const visit = (child: ts.Node): void => {
      if (!harmless) return;
      if (ts.isCallExpression(child) && ts.isPropertyAccessExpression(child.expression) && ['push', 'unshift'].includes(child.expression.name.text) &&
          ts.isIdentifier(child.expression.expression) && child.expression.expression.text === identifier.text &&
          this.values.declarationOf(child.expression.expression) === declaration) {
        harmless = child.arguments.every((argument) => this.isVisiblyHarmless(argument, depth + 1));
      }
      ts.forEachChild(child, visit);
    };
    ts.forEachChild(declaration.scope, visit);
    return harmless;
  }

  /**
   * Text that describes rather than carries: literals, and templates with prose around harmless
   * values. A template of bare separators assembles a token (`${header}.${payload}.${signature}`).
   */
  private isTextWithoutCredential(expression: ts.Expression, depth: number): boolean {
    if (depth > MAX_DEPTH) return false;
    const node = this.values.unwrap(expression);
    if (ts.isStringLiteralLike(node)) return !looksLikeSecret(node.text);
    if (ts.isConditionalExpression(node)) return this.isTextWithoutCredential(node.whenTrue, depth + 1) && this.isTextWithoutCredential(node.whenFalse, depth + 1);
    if (!ts.isTemplateExpression(node)) return false;
    if (!/[A-Za-z]{3,}/.test(node.head.text + node.templateSpans.map((span) => span.literal.text).join(''))) return false;
    const harmless = (part: ts.Expression): boolean => {
      const inner = this.values.unwrap(part);
      if (ts.isBinaryExpression(inner) && (inner.operatorToken.kind === ts.SyntaxKind.BarBarToken || inner.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) {
        return harmless(inner.left) && harmless(inner.right);
      }
      return this.isVisiblyHarmless(inner, depth + 1);
    };
    return node.templateSpans.every((span) => harmless(span.expression));
  }

  /** A value under a neutral key: a known non-credential, such a record, a name that is no credential, or arithmetic on those. Calls are not (`randomBytes(32)`). */
  private isVisiblyHarmless(value: ts.Expression, depth: number): boolean {
    if (depth > MAX_DEPTH) return false;
    if (this.isKnownNonCredential(value) || this.isRecordWithoutCredential(value, depth)) return true;
    const node = this.values.unwrap(value);
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const isText = (side: ts.Expression) => ts.isStringLiteralLike(side) || ts.isTemplateExpression(side);
      return !isText(node.left) && !isText(node.right) && this.isVisiblyHarmless(node.left, depth + 1) && this.isVisiblyHarmless(node.right, depth + 1);
    }
    const name = ts.isIdentifier(node) ? node.text : ts.isPropertyAccessExpression(node) ? node.name.text : undefined;
    return name !== undefined && classifyName(name) !== 'credential' && !this.credentialIn(node, depth);
  }

  /** Literals, booleans, counts, lengths and parser output: values a generic name like 'token' can hold without being a credential. */
  isKnownNonCredential(expression: ts.Expression): boolean {
    const node = this.values.unwrap(expression);
    if (ts.isNumericLiteral(node) || ts.isBigIntLiteral(node) || node.kind === ts.SyntaxKind.TrueKeyword || node.kind === ts.SyntaxKind.FalseKeyword) return true;
    if (node.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(node) && node.text === 'undefined')) return true;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (looksLikeSecret(node.text)) return false;
      // Placeholders, words and identifier-like names; a secret has digits or is long and random.
      // 'AUTH0_REFRESH_TOKEN': the name of a setting or keychain entry, in upper case.
      // `OAUTH_ENDPOINTS.token = '/oauth/token'`: a path or URL without a query names an endpoint.
      return /^(\[?redacted\]?|\*+|<[^>]*>|[a-z][a-z _.:-]*|)$/i.test(node.text) || node.text.length < 8 || /^[A-Z][A-Z0-9]*(?:_[A-Z][A-Z0-9]*)+$/.test(node.text) ||
        ENDPOINT_PATH.test(node.text);
    }
    // `setting.source`, `token.type`: what a value is or where it came from, not the value.
    if (ts.isPropertyAccessExpression(node) && METADATA_MEMBERS.has(node.name.text)) return true;
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
      // `jwt.verify(token, key)`: the claims, not the token
      if (CLAIMS_READING_CALLS.test(name)) return true;
      // `STORAGE_KEYS.session(sessionId)`: a table of key builders makes the name a value is stored under.
      if (ts.isPropertyAccessExpression(callee) && NAME_TABLE_WORDS.has(lastWord(dottedName(callee.expression)))) return true;
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

/** `handleCallback(url)`: the URL parameter of a function named for handling the OAuth redirect. */
function isCallbackUrlParameter(declaration: Declaration): boolean {
  const parameter = declaration.node;
  if (declaration.kind !== 'parameter' || declaration.path || !ts.isParameter(parameter) || !ts.isIdentifier(parameter.name)) return false;
  const words = splitWords(parameter.name.text);
  if (!URL_PARAMETER_WORDS.has(words[words.length - 1] ?? '')) return false;
  const fn = parameter.parent;
  const name = functionName(fn) ?? (ts.isPropertyAssignment(fn.parent) || ts.isPropertyDeclaration(fn.parent) ? fn.parent.name.getText() : undefined) ??
    (ts.isBinaryExpression(fn.parent) && ts.isPropertyAccessExpression(fn.parent.left) ? fn.parent.left.name.text : undefined);
  const fnWords = name ? splitWords(name) : [];
  // `redirectToAuthorization(url)`: the URL the client is sent to, not the one it comes back with.
  const to = fnWords.indexOf('to');
  if (to > 0 && fnWords[to - 1] === 'redirect' && OUTGOING_REDIRECT_TARGETS.has(fnWords[to + 1] ?? '')) return false;
  return fnWords.some((word) => CALLBACK_HANDLER_WORDS.has(word)) && fnWords[0] !== 'build' && fnWords[0] !== 'get' && fnWords[0] !== 'create';
}

/** The object of a destructuring declaration (`const { a } = object`): a binding holds one member of it, not all of it. */
function isDestructuredSource(origin: ts.Expression): boolean {
  const parent = origin.parent;
  return !!parent && ts.isVariableDeclaration(parent) && parent.initializer === origin && ts.isObjectBindingPattern(parent.name);
}

/** What a declaration's type annotation says: an SDK token type, a number or boolean, or nothing. */
function declaredTypeClass(declaration: Declaration, values: ValueResolver): 'credential' | 'not-credential' | undefined {
  const node = declaration.node;
  if (declaration.path) return undefined;
  const type = ts.isVariableDeclaration(node) || ts.isParameter(node) || ts.isPropertyDeclaration(node) ? node.type : undefined;
  if (!type) return undefined;
  const members = ts.isUnionTypeNode(type) ? type.types : [type];
  let result: 'credential' | 'not-credential' | undefined;
  for (const member of members) {
    if (member.kind === ts.SyntaxKind.NumberKeyword || member.kind === ts.SyntaxKind.BooleanKeyword) result ??= 'not-credential';
    else if (ts.isTypeReferenceNode(member) && (CREDENTIAL_TYPE_NAMES.has(entityName(member.typeName)) || isImportedCredentialType(member.typeName, values))) return 'credential';
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
/** Words that make a type named for tokens an authorization type ('IAuthTokens', 'OAuthToken', 'RefreshToken'), not a parser's. */
const AUTH_TYPE_WORDS = new Set(['auth', 'oauth', 'oauth2', 'access', 'refresh', 'bearer', 'jwt', 'session', 'api', 'credential', 'credentials']);

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

/** Source text for a message label: secrets shown by their shape (before cutting, so no part of one survives), cut at 60 characters. */
function shortText(node: ts.Node): string {
  const text = maskSecrets(node.getText().replace(/\s+/g, ' '));
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** What member writes write to: a variable (its declaration) or, for `this.x =`, the class or object literal. */
type MemberWriteOwner = Declaration | ts.ClassLikeDeclaration | ts.ObjectLiteralExpression;

/** Where the first credential-carrying write is, and what it carries (none: its key names a credential). */
interface MemberWriteVerdict {
  position: number;
  inner?: CredentialMatch;
}

/** `a.b = value` (and `this.b = value`) with the written path as a dotted name. */
interface MemberWrite {
  root: ts.Identifier | ts.ThisExpression;
  /** `headers.Authorization`, `this.session.tokens` */
  target: string;
  key: string;
  value: ts.Expression;
  /** Set through `url.searchParams.set(key, value)`: the key is a query parameter's name. */
  urlParameter?: boolean;
}

/** A read of a credential-named member below a variable: `config.client_secret`, `hash.access_token`. */
interface MemberRead {
  root: ts.Identifier;
  /** Asked whether it is missing: `!data.access_token`, `data.access_token === undefined`. */
  negated: boolean;
  /** Taken out of the record: `delete safe.clientSecret`. */
  removed: boolean;
}

interface FileFacts {
  /** Calls by their callee's last name: `save(x)`, `this.save(x)`, `store.save(x)`. */
  callsByName: Map<string, ts.CallExpression[]>;
  /** Reads of credential-named members by their root identifier's name. */
  memberReads: Map<string, MemberRead[]>;
  /** Member writes by their root: an identifier's name, or 'this'. */
  memberWrites: Map<string, MemberWrite[]>;
  /** Interfaces and type aliases of the file by name (the first of a name wins). */
  localTypes: Map<string, ts.InterfaceDeclaration | ts.TypeAliasDeclaration>;
}

/** One iterative walk (no recursion: long `a + b + …` chains are deep). */
function collectFileFacts(sourceFile: ts.SourceFile): FileFacts {
  const facts: FileFacts = { callsByName: new Map(), memberReads: new Map(), memberWrites: new Map(), localTypes: new Map() };
  const stack: ts.Node[] = [sourceFile];
  const push = (child: ts.Node): void => {
    stack.push(child);
  };
  while (stack.length > 0) {
    const node = stack.pop()!;
    switch (node.kind) {
      case ts.SyntaxKind.CallExpression: {
        const callee = (node as ts.CallExpression).expression;
        const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
        if (name !== undefined) addTo(facts.callsByName, name, node as ts.CallExpression);
        // `redirectUrl.searchParams.set('code', code)`: a write into the URL's query.
        const [keyArgument, value] = (node as ts.CallExpression).arguments;
        if (ts.isPropertyAccessExpression(callee) && URL_PARAMETER_SETTERS.has(callee.name.text) && ts.isPropertyAccessExpression(callee.expression) &&
            callee.expression.name.text === 'searchParams' && keyArgument && ts.isStringLiteralLike(keyArgument) && value) {
          const root = rootOf(callee.expression);
          if (root) {
            addTo(facts.memberWrites, ts.isIdentifier(root) ? root.text : 'this', {
              root, target: `${dottedName(callee.expression)}.${keyArgument.text}`, key: keyArgument.text, value, urlParameter: true,
            });
          }
        }
        break;
      }
      case ts.SyntaxKind.BinaryExpression: {
        const binary = node as ts.BinaryExpression;
        if (binary.operatorToken.kind !== ts.SyntaxKind.EqualsToken) break;
        let left = binary.left;
        while (ts.isParenthesizedExpression(left) || ts.isNonNullExpression(left)) left = left.expression;
        if (!ts.isPropertyAccessExpression(left) && !ts.isElementAccessExpression(left)) break;
        const root = rootOf(left);
        if (!root) break;
        const target = dottedName(left);
        addTo(facts.memberWrites, ts.isIdentifier(root) ? root.text : 'this', { root, target, key: lastSegment(target), value: binary.right });
        break;
      }
      case ts.SyntaxKind.PropertyAccessExpression: {
        const access = node as ts.PropertyAccessExpression;
        const name = access.name.text;
        // A database session's id (`data.sessionToken`) names the row, not a credential of the rule's.
        if (!isHeldCredentialName(name)) break;
        const root = rootOf(access);
        if (!root || !ts.isIdentifier(root)) break;
        const use = memberUse(access);
        if (use === 'write') break;
        addTo(facts.memberReads, root.text, { root, negated: use === 'negated', removed: use === 'removed' });
        break;
      }
      case ts.SyntaxKind.InterfaceDeclaration:
      case ts.SyntaxKind.TypeAliasDeclaration: {
        const declaration = node as ts.InterfaceDeclaration | ts.TypeAliasDeclaration;
        if (!facts.localTypes.has(declaration.name.text)) facts.localTypes.set(declaration.name.text, declaration);
        break;
      }
    }
    ts.forEachChild(node, push);
  }
  return facts;
}

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Last words of a member that holds a credential itself (`client_secret`, `apiKey`), not a setting about one (`tokenRefreshTimeout`). */
const HELD_CREDENTIAL_WORDS = new Set(['token', 'secret', 'key', 'credential', 'credentials', 'jwt']);

/**
 * A member name that says the record holds a credential: named like one by its own last word, not
 * a bare `token`, and not a database session's id (`sessionToken` names the row, not a credential of the rule's).
 */
function isHeldCredentialName(name: string): boolean {
  if (isGenericName(name) || classifyName(name) !== 'credential') return false;
  const words = splitWords(name);
  return HELD_CREDENTIAL_WORDS.has(words[words.length - 1] ?? '') && !words.includes('session');
}

/** How a member access is used: assigned, deleted, asked whether it is missing, or read. */
function memberUse(access: ts.Expression): 'write' | 'removed' | 'negated' | 'read' {
  let node: ts.Node = access;
  while (node.parent && (ts.isParenthesizedExpression(node.parent) || ts.isNonNullExpression(node.parent))) node = node.parent;
  const parent = node.parent;
  if (!parent) return 'read';
  if (ts.isBinaryExpression(parent) && parent.left === node && parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
      parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment) return 'write';
  if (ts.isDeleteExpression(parent)) return 'removed';
  if (ts.isPrefixUnaryExpression(parent) && parent.operator === ts.SyntaxKind.ExclamationToken) return 'negated';
  if (ts.isTypeOfExpression(parent)) return 'negated';
  if (ts.isBinaryExpression(parent) && [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken].includes(parent.operatorToken.kind)) return 'negated';
  return 'read';
}

/** The identifier or `this` a member chain starts from: `headers` in `headers['Authorization']`. */
function rootOf(expression: ts.Expression): ts.Identifier | ts.ThisExpression | undefined {
  let node = expression;
  while (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node) || ts.isNonNullExpression(node) || ts.isParenthesizedExpression(node)) {
    node = node.expression;
  }
  if (ts.isIdentifier(node)) return node;
  return node.kind === ts.SyntaxKind.ThisKeyword ? (node as ts.ThisExpression) : undefined;
}

/** The class or object literal whose members `this` refers to; arrow functions are transparent, other functions are not. */
function thisOwner(node: ts.Node): ts.ClassLikeDeclaration | ts.ObjectLiteralExpression | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isClassLike(current)) return current;
    if (ts.isMethodDeclaration(current) || ts.isConstructorDeclaration(current) || ts.isGetAccessorDeclaration(current) || ts.isSetAccessorDeclaration(current)) {
      const owner = current.parent;
      return ts.isClassLike(owner) || ts.isObjectLiteralExpression(owner) ? owner : undefined;
    }
    if (ts.isFunctionDeclaration(current) || ts.isFunctionExpression(current)) return undefined;
  }
  return undefined;
}

function propertyName(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name) || ts.isPrivateIdentifier(name) ? name.text.replace(/^#/, '') : undefined;
}

/** `expires: number`, `hasToken: boolean`, `createdAt: Date`; for generic names also `tokens: string[]` (words of a text). */
function isNonSecretType(type: ts.TypeNode, generic: boolean): boolean {
  if (type.kind === ts.SyntaxKind.NumberKeyword || type.kind === ts.SyntaxKind.BooleanKeyword || type.kind === ts.SyntaxKind.BigIntKeyword) return true;
  if (ts.isTypeReferenceNode(type) && entityName(type.typeName) === 'Date') return true;
  if (ts.isArrayTypeNode(type)) return generic || isNonSecretType(type.elementType, generic);
  if (ts.isUnionTypeNode(type)) {
    return type.types.every((member) => isNonSecretType(member, generic) || member.kind === ts.SyntaxKind.UndefinedKeyword ||
      (ts.isLiteralTypeNode(member) && member.literal.kind === ts.SyntaxKind.NullKeyword));
  }
  return false;
}

/** The incoming request of an HTTP handler: `req`, `request`, `incomingRequest`. */
const REQUEST_OBJECT = /^(req|request|incomingRequest|incoming)$/;
/** Nodes of a request handler searched for a read of the authorization code. */
const MAX_HANDLER_NODES = 4_000;

/** Nodes of one try block searched for an axios request: a handler's body, bounded for generated code. */
const MAX_TRY_NODES = 2_000;
/** Members of axios (and of its default export) that send a request. */
const AXIOS_REQUEST_METHODS = new Set(['request', 'get', 'delete', 'head', 'options', 'post', 'put', 'patch', 'postForm', 'putForm', 'patchForm']);

/** `axios.post(…)`, `axios(config)`, compiled `axios_1.default.post(…)`, through the import of 'axios'. */
/** Promise methods a rejection passes through on its way down a chain. */
const PROMISE_CHAIN_METHODS = new Set(['then', 'finally']);

/** `catch (error) { …; throw error; }`: the error leaves the catch again. */
function rethrows(clause: ts.CatchClause): boolean {
  const name = clause.variableDeclaration && ts.isIdentifier(clause.variableDeclaration.name) ? clause.variableDeclaration.name.text : undefined;
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || ts.isFunctionLike(node)) return;
    if (ts.isThrowStatement(node) && node.expression && ts.isIdentifier(node.expression) && node.expression.text === name) {
      found = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(clause.block);
  return found;
}

function isAxiosRequest(call: ts.CallExpression, values: ValueResolver): boolean {
  const ref = normalisedModuleRefOf(call.expression, values);
  if (!ref || ref.module !== 'axios') return false;
  return ref.path.length === 0 || (ref.path.length === 1 && AXIOS_REQUEST_METHODS.has(ref.path[0]!));
}

/** A declaration annotated with one of `names` (`err: AxiosError`, `e: AxiosError<Body>`), or initialised with `x as AxiosError`. */
/** `Installation` imported from '@slack/oauth' (or `slack.Installation` of a namespace import): see MODULE_CREDENTIAL_TYPES. */
function isImportedCredentialType(typeName: ts.EntityName, values: ValueResolver): boolean {
  const local = ts.isIdentifier(typeName) ? typeName : ts.isIdentifier(typeName.left) ? typeName.left : undefined;
  if (!local || values.declarationOf(local)?.kind !== 'import') return false;
  const ref = importedFrom(local, values);
  const types = ref && MODULE_CREDENTIAL_TYPES.get(ref.module);
  if (!ref || !types) return false;
  // `Installation` (named import) or `slack.Installation` (namespace import).
  const member = ts.isIdentifier(typeName) ? ref.path[0] : ref.path.length === 0 ? typeName.right.text : undefined;
  return (ts.isIdentifier(typeName) ? ref.path.length === 1 : true) && member !== undefined && types.includes(member);
}

function hasTypeNamed(declaration: Declaration, names: ReadonlySet<string>): boolean {
  const node = declaration.node;
  const annotated = ts.isVariableDeclaration(node) || ts.isParameter(node) ? node.type : undefined;
  const initializer = declaration.initializer;
  const asserted = initializer && (ts.isAsExpression(initializer) || ts.isTypeAssertionExpression(initializer)) ? initializer.type : undefined;
  return [annotated, asserted].some((type) => {
    if (!type) return false;
    const members = ts.isUnionTypeNode(type) ? type.types : [type];
    return members.some((member) => ts.isTypeReferenceNode(member) && names.has(entityName(member.typeName)));
  });
}

/** `(error) => …` as the rejection handler of `.then(ok, fail)`, `.catch(fail)` or `interceptors.*.use(ok, fail)`. */
function isErrorCallbackParameter(parameter: ts.ParameterDeclaration): boolean {
  const fn = parameter.parent;
  if (fn.parameters[0] !== parameter || !(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) return false;
  const call = fn.parent;
  if (!call || !ts.isCallExpression(call) || !ts.isPropertyAccessExpression(call.expression)) return false;
  const method = call.expression.name.text;
  const index = call.arguments.indexOf(fn);
  if (method === 'catch') return index === 0;
  if (method === 'then') return index === 1;
  return method === 'use' && index === 1 && /(^|\.)interceptors\.(request|response)$/.test(dottedName(call.expression.expression));
}

/** A function that is called as a member: a method, or a function kept in an object's property or a class field. */
/** Words of a helper's name that say it hides what it is given. */
const SANITIZER_WORDS = new Set(['redact', 'redacted', 'mask', 'masked', 'obfuscate', 'obfuscated', 'censor', 'censored', 'sanitize', 'sanitized', 'scrub', 'hash', 'digest', 'fingerprint', 'preview']);

/** Members that say what a value is or where it came from. */
const METADATA_MEMBERS = new Set(['source', 'origin', 'kind', 'type', 'status', 'label', 'description', 'format', 'mode']);

/**
 * `socket.write(…)` is not a call of `write` in `const cookies = { write(…) {…} }`: a method of an
 * object kept in a named variable is called through that name (or `this`), which
 * `calledFunction` resolves; any other receiver is another object's method of the same name.
 */
function isUnrelatedReceiver(callee: ts.PropertyAccessExpression, fn: ts.SignatureDeclaration): boolean {
  const holder = ts.isPropertyAssignment(fn.parent) ? fn.parent.parent : fn.parent;
  if (!holder || !ts.isObjectLiteralExpression(holder) || !holder.parent || !ts.isVariableDeclaration(holder.parent) || !ts.isIdentifier(holder.parent.name)) return false;
  return callee.expression.kind !== ts.SyntaxKind.ThisKeyword;
}

/** Whether capture group `index` of the regex literal a `match`/`exec` call uses can only hold digits (`(\d+)`, `([0-9]{4})`). */
function capturesDigitsOnly(call: ts.CallExpression, index: number): boolean {
  const callee = call.expression as ts.PropertyAccessExpression;
  const pattern = callee.name.text === 'exec' ? callee.expression : call.arguments[0];
  if (!pattern || !ts.isRegularExpressionLiteral(pattern)) return false;
  const source = pattern.text.slice(1, pattern.text.lastIndexOf('/'));
  const groups: string[] = [];
  for (let i = 0; i < source.length; i++) {
    if (source[i] === '\\') {
      i++;
      continue;
    }
    if (source[i] === '(' && source[i + 1] !== '?') {
      const close = source.indexOf(')', i);
      groups.push(close < 0 ? '' : source.slice(i + 1, close));
    }
  }
  return /^(?:\\d|\[0-9\])(?:[+*]|\{\d+(?:,\d*)?\})?$/.test(groups[index - 1] ?? '');
}

/**
 * Whether `node` is read where the response `receiver` is known to have failed: inside
 * `if (!r.ok)`, `if (r.status >= 400)` (or `> 299`, `!== 200`), or after `r.ok` was found false.
 */
function inFailureBranch(node: ts.Node, receiver: ts.Expression, values: ValueResolver): boolean {
  const subject = values.unwrap(receiver);
  if (!ts.isIdentifier(subject)) return false;
  const declaration = values.declarationOf(subject);
  if (!declaration) return false;
  return inGuardedBranch(node, (condition) => testsFailure(condition, declaration, values));
}

/** `oauth2orize.exchange.code(function (client, code, redirectURI, done) { … })`: the second parameter is the code being redeemed. */
function isExchangedCodeParameter(declaration: Declaration, values: ValueResolver): boolean {
  const parameter = declaration.node;
  if (declaration.kind !== 'parameter' || declaration.path || !ts.isParameter(parameter)) return false;
  const fn = parameter.parent;
  if (!(ts.isFunctionExpression(fn) || ts.isArrowFunction(fn)) || fn.parameters.indexOf(parameter) !== 1) return false;
  const call = fn.parent;
  return !!call && ts.isCallExpression(call) && call.arguments.includes(fn) && OAUTH2ORIZE_CODE_EXCHANGE.test(dottedName(values.unwrap(call.expression)));
}

/** The promise whose value a parameter receives: `p` for the first parameter of the callback in `p.then((value) => …)`. */
/** `promise.then(function (value) { … })`: the promise whose settled value the parameter receives. */
export function promiseOfContinuation(declaration: Declaration): ts.Expression | undefined {
  const parameter = declaration.node;
  if (declaration.path || !ts.isParameter(parameter)) return undefined;
  const fn = parameter.parent;
  if (fn.parameters[0] !== parameter || !(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) return undefined;
  const call = fn.parent;
  if (!call || !ts.isCallExpression(call) || call.arguments[0] !== fn || !ts.isPropertyAccessExpression(call.expression) || call.expression.name.text !== 'then') return undefined;
  const promise = call.expression.expression;
  // Compiled async code (Babel, regenerator): `Promise.resolve(response.json()).then(function (json) { … })`.
  if (ts.isCallExpression(promise) && dottedName(promise.expression) === 'Promise.resolve' && promise.arguments[0]) return promise.arguments[0];
  return promise;
}

/** `data` read where the response whose body it was parsed from (`data = await response.json()`) is known to have failed. */
function readInFailureOfItsResponse(node: ts.Identifier, declaration: Declaration, values: ValueResolver): boolean {
  if (declaration.path || !declaration.initializer) return false;
  const parsed = values.unwrap(declaration.initializer);
  if (!ts.isCallExpression(parsed) || !ts.isPropertyAccessExpression(parsed.expression)) return false;
  const method = parsed.expression.name.text;
  return (method === 'json' || method === 'text') && inFailureBranch(node, parsed.expression.expression, values);
}

/** Inside `if (data.error)` (or `'error' in data`, `data.error !== undefined`, `!data.access_token`) for the declaration `data`. */
function inErrorBodyBranch(node: ts.Identifier, declaration: Declaration, values: ValueResolver): boolean {
  return inGuardedBranch(node, (condition) => testsErrorField(condition, declaration, values));
}

/** Whether `node` runs only where a condition `guards` accepts holds: `if (c) …`, `c ? … :`, `c && …`, within its function. */
function inGuardedBranch(node: ts.Node, guards: (condition: ts.Expression) => boolean): boolean {
  for (let current: ts.Node = node; current.parent && !ts.isFunctionLike(current.parent); current = current.parent) {
    const parent = current.parent;
    if (ts.isIfStatement(parent) && parent.thenStatement === current && guards(parent.expression)) return true;
    if (ts.isConditionalExpression(parent) && parent.whenTrue === current && guards(parent.condition)) return true;
    if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && parent.right === current && guards(parent.left)) return true;
  }
  return false;
}

function refersTo(expression: ts.Expression, declaration: Declaration, values: ValueResolver): boolean {
  const node = values.unwrap(expression);
  return ts.isIdentifier(node) && values.declarationOf(node) === declaration;
}

function testsFailure(condition: ts.Expression, declaration: Declaration, values: ValueResolver): boolean {
  const node = values.unwrap(condition);
  if (ts.isParenthesizedExpression(node)) return testsFailure(node.expression, declaration, values);
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) {
    const operand = values.unwrap(node.operand);
    return ts.isPropertyAccessExpression(operand) && operand.name.text === 'ok' && refersTo(operand.expression, declaration, values);
  }
  if (!ts.isBinaryExpression(node)) return false;
  const operator = node.operatorToken.kind;
  if (operator === ts.SyntaxKind.BarBarToken) return testsFailure(node.left, declaration, values) && testsFailure(node.right, declaration, values);
  if (operator === ts.SyntaxKind.AmpersandAmpersandToken) return testsFailure(node.left, declaration, values) || testsFailure(node.right, declaration, values);
  const left = values.unwrap(node.left);
  if (!ts.isPropertyAccessExpression(left) || !refersTo(left.expression, declaration, values) || !ts.isNumericLiteral(node.right) && node.right.kind !== ts.SyntaxKind.FalseKeyword) return false;
  if (left.name.text === 'ok') return (operator === ts.SyntaxKind.EqualsEqualsEqualsToken || operator === ts.SyntaxKind.EqualsEqualsToken) && node.right.kind === ts.SyntaxKind.FalseKeyword;
  if (left.name.text !== 'status' || !ts.isNumericLiteral(node.right)) return false;
  const bound = Number(node.right.text);
  return ((operator === ts.SyntaxKind.GreaterThanEqualsToken && bound >= 300) || (operator === ts.SyntaxKind.GreaterThanToken && bound >= 299) ||
    ((operator === ts.SyntaxKind.ExclamationEqualsEqualsToken || operator === ts.SyntaxKind.ExclamationEqualsToken) && bound >= 200 && bound < 300));
}

function testsErrorField(condition: ts.Expression, declaration: Declaration, values: ValueResolver): boolean {
  const node = values.unwrap(condition);
  if (ts.isParenthesizedExpression(node)) return testsErrorField(node.expression, declaration, values);
  if (ts.isPropertyAccessExpression(node)) return node.name.text === 'error' && refersTo(node.expression, declaration, values);
  // `!data.access_token`: a token response without its access token is an error response.
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) {
    const operand = values.unwrap(node.operand);
    return ts.isPropertyAccessExpression(operand) && operand.name.text === 'access_token' && refersTo(operand.expression, declaration, values);
  }
  if (!ts.isBinaryExpression(node)) return false;
  const operator = node.operatorToken.kind;
  if (operator === ts.SyntaxKind.AmpersandAmpersandToken) return testsErrorField(node.left, declaration, values) || testsErrorField(node.right, declaration, values);
  // `data.error || !data.access_token`: either way the body carries no token.
  if (operator === ts.SyntaxKind.BarBarToken) return testsErrorField(node.left, declaration, values) && testsErrorField(node.right, declaration, values);
  if (operator === ts.SyntaxKind.InKeyword) return ts.isStringLiteral(node.left) && node.left.text === 'error' && refersTo(node.right, declaration, values);
  if (operator === ts.SyntaxKind.ExclamationEqualsEqualsToken || operator === ts.SyntaxKind.ExclamationEqualsToken) {
    const left = values.unwrap(node.left);
    return ts.isPropertyAccessExpression(left) && left.name.text === 'error' && refersTo(left.expression, declaration, values) &&
      (node.right.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(node.right) && node.right.text === 'undefined'));
  }
  return false;
}

function isMethodLike(fn: ts.SignatureDeclaration): boolean {
  const parent = fn.parent;
  if (ts.isMethodDeclaration(fn) || (!!parent && (ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)))) return true;
  // Compiled classes: `_proto.save = function save(x) {…}`, `Client.prototype.save = function (x) {…}`.
  return !!parent && ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && parent.right === fn &&
    ts.isPropertyAccessExpression(parent.left);
}
