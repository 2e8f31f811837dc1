import { ts } from '../engine/typescript.js';
import {
  AUTHORIZATION_ENDPOINT_KEYS,
  ENDPOINT_GROUP_KEYS,
  GROUPED_AUTHORIZATION_KEYS,
  AUTHORIZE_PATHS,
  CLIENT_METADATA_TYPES,
  CONFIG_SCOPE_KEYS,
  DEVICE_AUTHORIZATION_PATHS,
  LIBRARY_CALLS,
  PAYLOAD_KEYS,
  PKCE_SWITCH_KEYS,
  HOSTS_WITHOUT_PKCE,
  FLOW_KEYS,
  OAUTH_WORDS,
  PROVIDER_HOSTS,
  PROVIDER_NAME_KEYS,
  PROVIDER_NAMES,
  TOKEN_PATHS,
  type LibraryCallShape,
} from '../knowledge/oauth-endpoints.js';
import type { ScopeProvider } from '../knowledge/scopes.js';
import type { RuleVisitors } from '../engine/rule-module.js';
import type { RuleContext } from '../engine/context.js';
import { dottedName, findAncestor, UNKNOWN, type ValueResolver } from '../engine/values.js';
import { propertyNameText } from '../engine/walk.js';
import { requestQueryRead } from './resource-server.js';
import { importedFrom, importedModules, type ModuleRef } from '../engine/modules.js';

/**
 * Shared recognition of OAuth authorization requests and code exchanges, for `broad-scope`
 * and `missing-pkce`. A request is found where its parameters are put together: object
 * literals sent as a body, `URLSearchParams`, `new URL(...).searchParams`, query strings in
 * templates and concatenations, `qs`/`querystring` `stringify`, and the calls of the common
 * OAuth libraries. The model is computed once per file, from the nodes both rules visit.
 */

export type PkceVerdict =
  /** PKCE S256 is sent (or the library sends it by itself). */
  | { status: 'present' }
  /** Parts of the request are out of sight; say nothing. */
  | { status: 'unknown' }
  /** PKCE does not apply (other grants, implicit flow, scope-only calls). */
  | { status: 'not-applicable' }
  | { status: 'missing-challenge' }
  | { status: 'missing-method' }
  | { status: 'plain'; node: ts.Node }
  | { status: 'missing-verifier' }
  /** A provider configuration of an authorization-code flow switches PKCE off (`pkce: false`). */
  | { status: 'disabled'; node: ts.Node }
  /** PKCE is sent, but the verifier itself travels in the request's `state`, so it is no secret. */
  | { status: 'verifier-in-state'; node: ts.Node };

/** One value the request's scope parameter may take, and where to look for the literal that wrote it. */
export interface ScopeValue {
  /** Possible strings (URL-encoded when `encoded`); `UNKNOWN` marks parts that are not known. */
  values: string[];
  encoded: boolean;
  /** Expressions to search for the literal that defines each scope. */
  roots: ts.Node[];
  /** Reported when no literal is found. */
  fallback: ts.Node;
}

export interface OAuthRequest {
  /** 'authorize': an authorization request; 'token': a token request; 'scopes': a library call or client metadata that only chooses scopes. */
  kind: 'authorize' | 'token' | 'scopes';
  /** Where a finding about the request as a whole is reported. */
  node: ts.Node;
  /** The endpoint as far as it is known (unknown parts are `UNKNOWN`). */
  endpoint?: string;
  provider?: ScopeProvider;
  /** The token request's grant type, when known. */
  grantType?: string;
  library?: LibraryCallShape;
  /** How the call is named in messages ('generateAuthUrl'). */
  callName?: string;
  pkce: PkceVerdict;
  scopes: ScopeValue[];
  /** For authorization requests built from parameters: the `state` parameter (undefined when the request is not known in full). */
  state?: { present: boolean; value?: ts.Expression; site?: ts.Node };
  /** An OpenID Connect hybrid authorization request (`response_type=code id_token`). */
  hybrid?: boolean;
}

interface ParamEntry {
  /** Code that computes the value (an object property, a `.set()` argument, a template placeholder). */
  expression?: ts.Expression;
  /** The value written inside a query string (URL-encoded), with placeholders already resolved where possible. */
  text?: string[];
  /** The node that writes the parameter. */
  site: ts.Node;
  /** An earlier write of the same parameter (another branch, or overwritten). */
  previous?: ParamEntry;
}

interface Bag {
  anchor: ts.Node;
  params: Map<string, ParamEntry>;
  complete: boolean;
  endpoints: string[];
  /** Other candidate nodes merged into this one; they are not requests of their own. */
  absorbed: Set<ts.Node>;
  /** Object literals are requests only when something sends them. */
  sent: boolean;
  /** `new URL`/`new URLSearchParams` objects whose hand-off to a PKCE-sounding helper would make the bag incomplete (checked only for a verdict). */
  mutable?: ts.Node[];
}

interface MutationIndex {
  writes: Map<ts.Node, { call: ts.CallExpression; viaSearchParams: boolean }[]>;
  searchAssignments: Map<ts.Node, ts.BinaryExpression[]>;
  /** `params.code_challenge = …` after `const params = { … }`: writes of modelled keys into an object literal, by literal. */
  memberWrites: Map<ts.Node, { key: string; assignment: ts.BinaryExpression }[]>;
}

type FunctionLike = ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction | ts.MethodDeclaration;

const MARKER_KEYS = new Set(['response_type', 'grant_type', 'code_challenge', 'code_challenge_method', 'code_verifier']);
const OAUTH_KEYS = new Set([...MARKER_KEYS, 'client_id', 'redirect_uri', 'scope', 'state', 'code', 'client_secret', 'user_scope']);
const SCOPE_KEYS = ['scope', 'user_scope'];
/** Every parameter a verdict reads (the libraries' own PKCE option names included). */
const MODELLED_KEYS = new Set([...OAUTH_KEYS, 'codeChallenge', 'codeChallengeMethod', 'codeVerifier', 'pkceCodeVerifier']);
const MAX_DEPTH = 8;
/** A PKCE verifier's name ('verifier', 'codeVerifier', 'code_verifier', 'pkceVerifier'); not a hash of it or the challenge. */
const VERIFIER_NAME = /verifier$/i;
const NOT_VERIFIER_NAME = /hash|digest|challenge/i;
/** Names of in-file helpers that may turn an object into a query string. */
const QUERY_ENCODER_NAME = /encode|stringify|seriali[sz]e|query|params|qs/i;
/** Calls whose result still carries their input, readable: encoders and serialisers. */
const STATE_ENCODER_NAME = /^(btoa|stringify|from|toString|concat|join)$|encode|seriali[sz]e|base64|sign/i;

/** Node kinds the model needs; both rules visit them and feed the shared collector. */
export const OAUTH_REQUEST_KINDS: readonly ts.SyntaxKind[] = [
  ts.SyntaxKind.CallExpression,
  ts.SyntaxKind.NewExpression,
  ts.SyntaxKind.TemplateExpression,
  ts.SyntaxKind.BinaryExpression,
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.ObjectLiteralExpression,
];

const collectors = new WeakMap<ValueResolver, RequestCollector>();


/**
 * Visitors that feed the file's shared request model; `onRequests` runs once, at the end of
 * the file, with every request found. Only touches `context` inside the visitors. When both
 * rules run, the first one to visit feeds the model and the other's visitors do nothing.
 */
export function oauthRequestVisitors(context: RuleContext, onRequests: (requests: readonly OAuthRequest[]) => void): RuleVisitors {
  let collector: RequestCollector | undefined;
  let feeds = false;
  const add = (node: ts.Node): void => {
    if (!collector) {
      collector = collectorFor(context);
      feeds = collector.feeder === context.ruleId;
    }
    if (feeds) collector.add(node);
  };
  const visitors: RuleVisitors = {
    end: () => {
      collector ??= collectorFor(context);
      onRequests(collector.requests());
    },
  };
  for (const kind of OAUTH_REQUEST_KINDS) visitors[kind] = add;
  return visitors;
}

function collectorFor(context: RuleContext): RequestCollector {
  let collector = collectors.get(context.values);
  if (!collector) {
    collector = new RequestCollector(context.sourceFile, context.values, context.ruleId);
    collectors.set(context.values, collector);
  }
  return collector;
}

/**
 * Collects candidate nodes during the walk, then builds the requests once. Collecting only
 * files nodes by kind and watches for a mention of an OAuth parameter; a file without one
 * (and without an OAuth library import) is never modelled, so most files cost a push per node.
 */
export class RequestCollector {
  private readonly calls: ts.CallExpression[] = [];
  private readonly news: ts.NewExpression[] = [];
  private readonly binaries: ts.BinaryExpression[] = [];
  private readonly templates: ts.TemplateExpression[] = [];
  private readonly literals: (ts.StringLiteral | ts.NoSubstitutionTemplateLiteral)[] = [];
  private readonly objects: ts.ObjectLiteralExpression[] = [];
  private mentionsOAuth = false;
  private result: OAuthRequest[] | undefined;
  private loadedModules: Set<string> | undefined;

  constructor(
    private readonly sourceFile: ts.SourceFile,
    private readonly values: ValueResolver,
    /** The rule whose visitors feed this collector (the nodes would otherwise come twice). */
    readonly feeder?: string,
  ) {}

  add(node: ts.Node): void {
    if (this.result) return;
    switch (node.kind) {
      case ts.SyntaxKind.CallExpression:
        this.calls.push(node as ts.CallExpression);
        break;
      case ts.SyntaxKind.NewExpression:
        this.news.push(node as ts.NewExpression);
        break;
      case ts.SyntaxKind.ObjectLiteralExpression: {
        const object = node as ts.ObjectLiteralExpression;
        this.objects.push(object);
        if (!this.mentionsOAuth) {
          for (const property of object.properties) {
            const name = property.name;
            if (name && (ts.isIdentifier(name) || ts.isStringLiteral(name)) && OAUTH_WORDS.test(name.text)) {
              this.mentionsOAuth = true;
              break;
            }
          }
        }
        break;
      }
      case ts.SyntaxKind.BinaryExpression:
        this.binaries.push(node as ts.BinaryExpression);
        break;
      case ts.SyntaxKind.TemplateExpression: {
        const template = node as ts.TemplateExpression;
        this.templates.push(template);
        if (!this.mentionsOAuth) this.mentionsOAuth = OAUTH_WORDS.test(template.head.text) || template.templateSpans.some((span) => OAUTH_WORDS.test(span.literal.text));
        break;
      }
      case ts.SyntaxKind.StringLiteral:
      case ts.SyntaxKind.NoSubstitutionTemplateLiteral: {
        const literal = node as ts.StringLiteral | ts.NoSubstitutionTemplateLiteral;
        this.literals.push(literal);
        if (!this.mentionsOAuth) this.mentionsOAuth = OAUTH_WORDS.test(literal.text);
        break;
      }
    }
  }

  requests(): readonly OAuthRequest[] {
    if (!this.result) {
      try {
        const modules = this.fileModules();
        this.result = this.mentionsOAuth || this.callsImportedLibrary(modules) ? new RequestBuilder(this.sourceFile, this.values, modules, this.candidates()).build() : [];
      } finally {
        this.result ??= [];
      }
    }
    return this.result;
  }

  /** Whether the file imports an OAuth library and makes a call (or `new`) that could be one of its known calls. */
  private callsImportedLibrary(modules: ReadonlySet<string>): boolean {
    const libraries = LIBRARY_CALLS.filter((library) => library.modules.some((module) => [...modules].some((imported) => moduleMatches(imported, module))));
    if (libraries.length === 0) return false;
    if ((this.news.length > 0 || this.calls.some(isSuperCall)) && libraries.some((library) => library.call === 'constructor')) return true;
    const names = new Set(libraries.filter((library) => library.call !== 'constructor').map((library) => library.name));
    return this.calls.some((call) => {
      const callee = call.expression;
      return names.has(ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '');
    });
  }

  /** The collected nodes that may be (part of) a request. */
  private candidates(): Candidates {
    const strings: ts.Expression[] = [];
    const searchAssignments: ts.BinaryExpression[] = [];
    const memberAssignments: ts.BinaryExpression[] = [];
    for (const binary of this.binaries) {
      if (binary.operatorToken.kind === ts.SyntaxKind.PlusToken) {
        if (!isConcatOperand(binary) && hasQueryText(binary)) strings.push(binary);
      } else if (binary.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(binary.left)) {
        if (binary.left.name.text === 'search') searchAssignments.push(binary);
        else if (MODELLED_KEYS.has(binary.left.name.text)) memberAssignments.push(binary);
      }
    }
    for (const template of this.templates) if (!isConcatOperand(template) && hasQueryText(template)) strings.push(template);
    for (const literal of this.literals) {
      if (!/[?&](response_type|client_id|grant_type|scope)=/.test(literal.text) || isConcatOperand(literal)) continue;
      // `mock.mockResolvedValue(url)`, `expect(x).toBe(url)`: a test's canned value or expectation, not a request.
      if (isTestDoubleArgument(literal)) continue;
      if (!isVariableInitializer(literal) || this.isSentUnchanged(literal)) strings.push(literal);
    }
    strings.sort((a, b) => a.pos - b.pos);
    return { calls: this.calls, news: this.news, strings, objects: this.objects, searchAssignments, memberAssignments };
  }

  /**
   * A complete URL constant is a request of its own only when every use sends it as it is
   * (`res.redirect(AUTHORIZE_URL)`, `open(URL)`, `return URL`); a constant that is extended,
   * exported or handed to a helper is the start of a request built elsewhere.
   */
  private isSentUnchanged(literal: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral): boolean {
    const declaration = literal.parent as ts.VariableDeclaration;
    if (!ts.isIdentifier(declaration.name)) return false;
    const name = declaration.name;
    const list = declaration.parent;
    if (!ts.isVariableDeclarationList(list) || (list.flags & ts.NodeFlags.Const) === 0) return false;
    const statement = list.parent;
    if (ts.isVariableStatement(statement) && statement.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) return false;
    const uses = this.values.usesOf(name);
    return uses.length > 0 && uses.every(isSendingUse);
  }

  private fileModules(): Set<string> {
    return (this.loadedModules ??= importedModules(this.sourceFile, this.calls));
  }
}

interface Candidates {
  calls: ts.CallExpression[];
  news: ts.NewExpression[];
  strings: ts.Expression[];
  objects: ts.ObjectLiteralExpression[];
  searchAssignments: ts.BinaryExpression[];
  /** `x.code_challenge = …`: assignments to a modelled key of some object. */
  memberAssignments: ts.BinaryExpression[];
}

/** Builds the requests of one file from the collected candidates. */
class RequestBuilder {
  private readonly bags = new Map<ts.Node, Bag>();
  private readonly building = new Set<ts.Node>();

  constructor(
    private readonly sourceFile: ts.SourceFile,
    private readonly values: ValueResolver,
    private readonly modules: Set<string>,
    private readonly candidates: Candidates,
  ) {}

  build(): OAuthRequest[] {
    const requests: OAuthRequest[] = [];
    const libraryArguments = new Set<ts.Node>();
    const libraries = this.librariesInFile();
    const libraryCandidates = libraries.calls.size === 0 && libraries.constructors.length === 0 ? [] : [...this.candidates.calls, ...this.candidates.news];
    for (const call of libraryCandidates) {
      guarded(() => {
        const request = this.libraryRequest(call);
        if (!request) return;
        requests.push(request);
        for (const argument of call.arguments ?? []) for (const origin of this.values.origins(argument)) libraryArguments.add(origin);
      });
    }

    for (const node of this.candidates.news) {
      const name = webUrlClass(node, this.values);
      if (name === 'URLSearchParams' || (name === 'URL' && this.mayCarryQuery(node))) guarded(() => this.bagOf(node));
    }
    for (const call of this.candidates.calls) if (isStringifyCall(call, this.values) || isUrlFormatCall(call, this.values) || this.isQueryEncoderCall(call)) guarded(() => this.bagOf(call));
    for (const node of this.candidates.strings) guarded(() => this.bagOf(node));
    for (const object of this.candidates.objects) if (hasMarkerKeys(object)) guarded(() => this.bagOf(object));
    guarded(() => this.attachEndpointsFromCalls());

    const absorbed = new Set<ts.Node>();
    // Absorbed only by bags that cannot be judged (a helper's `stringify(params)` fed by several callers' objects).
    const absorbedByUnknown = new Set<ts.Node>();
    for (const bag of this.bags.values()) {
      for (const node of bag.absorbed) {
        if (node === bag.anchor) continue;
        if (!this.judgesOneGrant(bag) && !absorbed.has(node)) absorbedByUnknown.add(node);
        else absorbedByUnknown.delete(node);
        absorbed.add(node);
      }
    }
    for (const bag of this.bags.values()) {
      if (libraryArguments.has(bag.anchor)) continue;
      const selfEvident = ts.isObjectLiteralExpression(bag.anchor) && this.isSelfEvidentExchange(bag, bag.anchor);
      if (absorbed.has(bag.anchor) && !(selfEvident && absorbedByUnknown.has(bag.anchor))) continue;
      if (ts.isObjectLiteralExpression(bag.anchor) && !bag.sent && !selfEvident) continue;
      guarded(() => {
        const request = this.classify(bag);
        if (request) requests.push(request);
      });
    }
    // A file whose authorization requests are all hybrid redeems hybrid-flow codes: its hand-built exchanges follow them.
    const authorizations = requests.filter((request) => request.kind === 'authorize');
    if (authorizations.length > 0 && authorizations.every((request) => request.hybrid)) {
      for (const request of requests) if (request.kind === 'token' && !request.library && request.pkce.status === 'missing-verifier') request.pkce = { status: 'not-applicable' };
    }
    for (const object of this.candidates.objects) {
      guarded(() => {
        const request = this.clientMetadataRequest(object);
        if (request) requests.push(request);
      });
      guarded(() => {
        const request = this.pkceSwitchedOff(object);
        if (request) requests.push(request);
      });
      if (libraryArguments.has(object)) continue;
      guarded(() => {
        const request = this.providerConfigRequest(object);
        if (request) requests.push(request);
      });
    }
    return requests;
  }

  /**
   * Whether a bag's verdict can stand for what it absorbed: every key known, and not a merge of
   * several callers' parameter objects (a helper's `stringify(params)`), whose keys it mixes.
   */
  private judgesOneGrant(bag: Bag): boolean {
    if (!this.isComplete(bag)) return false;
    let objects = 0;
    for (const node of bag.absorbed) if (node !== bag.anchor && ts.isObjectLiteralExpression(node) && hasMarkerKeys(node)) objects++;
    return objects < 2;
  }

  /**
   * `{ grant_type: 'authorization_code', code, … }` handed to a call whose URL this file does not show
   * (keycloak's `fetch(this, handler, options, params)`, a client's `this.post(params)`): with every key
   * known, that object is the body of a code exchange on its own.
   */
  private isSelfEvidentExchange(bag: Bag, object: ts.ObjectLiteralExpression): boolean {
    if (!bag.params.has('code') || !this.isComplete(bag)) return false;
    const grant = bag.params.get('grant_type');
    const grants = grant && this.entryStrings(grant);
    if (grants?.length !== 1 || grants[0] !== 'authorization_code') return false;
    // A test posting to the server it tests (`request(app).post('/token').send({ … })`) is not a client.
    if (insideTestCase(object)) return false;
    const passed = (node: ts.Node): boolean => {
      const parent = node.parent;
      if (!ts.isCallExpression(parent) && !ts.isNewExpression(parent)) return false;
      const args: readonly ts.Expression[] = parent.arguments ?? [];
      return args.includes(node as ts.Expression) && !isTestDoubleArgument(node as ts.Expression);
    };
    if (passed(object)) return true;
    const declaration = object.parent;
    if (!ts.isVariableDeclaration(declaration) || declaration.initializer !== object || !ts.isIdentifier(declaration.name)) return false;
    return this.values.usesOf(declaration.name).some(passed);
  }

  /** A `new URL(...)` is a request only with a query: written into its argument, or added through `searchParams`/`search`. */
  private mayCarryQuery(node: ts.NewExpression): boolean {
    const index = this.mutationIndex();
    if (index.writes.has(node) || index.searchAssignments.has(node)) return true;
    const first = node.arguments?.[0];
    if (!first) return false;
    return !ts.isStringLiteralLike(first) || first.text.includes('?');
  }

  // ---- parameter bags -------------------------------------------------------------------

  private bagOf(anchor: ts.Node): Bag | undefined {
    const existing = this.bags.get(anchor);
    if (existing) return existing;
    if (this.building.has(anchor)) return undefined;
    this.building.add(anchor);
    const bag: Bag = { anchor, params: new Map(), complete: true, endpoints: [], absorbed: new Set([anchor]), sent: false };
    try {
      if (ts.isObjectLiteralExpression(anchor)) this.addObject(bag, anchor, 0);
      else if (ts.isNewExpression(anchor) && webUrlClass(anchor, this.values) === 'URLSearchParams') {
        bag.sent = true;
        const first = anchor.arguments?.[0];
        if (first) this.addInit(bag, first, 0);
        this.addMutations(bag, anchor, false);
      } else if (ts.isNewExpression(anchor)) {
        bag.sent = true;
        const first = anchor.arguments?.[0];
        if (!first) return undefined;
        const parsed = this.addQueryString(bag, first, 0);
        const base = anchor.arguments?.[1];
        const baseText = base ? this.firstString(base) : undefined;
        if (parsed.endpoint !== undefined) bag.endpoints.push(baseText && !/^[a-z]+:\/\//i.test(parsed.endpoint) ? joinUrl(baseText, parsed.endpoint) : parsed.endpoint);
        this.addMutations(bag, anchor, true);
      } else if (ts.isCallExpression(anchor) && isUrlFormatCall(anchor, this.values)) {
        bag.sent = true;
        const first = anchor.arguments[0];
        if (!first || !this.addUrlObject(bag, first)) return undefined;
      } else if (ts.isCallExpression(anchor)) {
        bag.sent = true;
        const first = anchor.arguments[0];
        if (first) this.addObjectExpression(bag, first, 0);
      } else {
        bag.sent = true;
        const parsed = this.addQueryString(bag, anchor as ts.Expression, 0);
        if (!parsed.hasQuery) return undefined;
        if (parsed.endpoint !== undefined) bag.endpoints.push(parsed.endpoint);
      }
    } finally {
      this.building.delete(anchor);
    }
    this.bags.set(anchor, bag);
    return bag;
  }

  /** `new URLSearchParams(init)`: an object, a query string, or an array of pairs. */
  private addInit(bag: Bag, init: ts.Expression, depth: number): void {
    const origins = this.values.origins(init);
    for (const origin of origins) {
      if (ts.isArrayLiteralExpression(origin)) {
        bag.absorbed.add(origin);
        for (const element of origin.elements) {
          const pair = ts.isArrayLiteralExpression(element) ? element : undefined;
          const key = pair?.elements[0] ? this.firstString(pair.elements[0]) : undefined;
          if (pair && key !== undefined && !key.includes(UNKNOWN) && pair.elements[1]) this.setParam(bag, key, { expression: pair.elements[1], site: pair });
          else bag.complete = false;
        }
        return;
      }
      if (ts.isStringLiteralLike(origin) || ts.isTemplateExpression(origin) || ts.isBinaryExpression(origin)) {
        this.addQueryString(bag, origin, depth + 1, true);
        return;
      }
    }
    this.addObjectExpression(bag, init, depth + 1);
  }

  /** The properties of an object expression (after following variables, parameters and spreads). */
  /**
   * Node's legacy `url.format({ protocol, host, pathname, query: {…} })`: the query object is the
   * request's parameters, the other parts its endpoint. False when the URL object is not a literal.
   */
  private addUrlObject(bag: Bag, expression: ts.Expression): boolean {
    const objects = this.values.origins(expression).filter(ts.isObjectLiteralExpression);
    if (objects.length !== 1) return false;
    const object = objects[0]!;
    const parts = this.values.objectProperties(object);
    if (!parts) return false;
    bag.absorbed.add(object);
    // A spread may bring a query or search of its own.
    if (object.properties.some(ts.isSpreadAssignment)) bag.complete = false;
    const query = parts.get('query');
    const search = parts.get('search');
    if (query) this.addObjectExpression(bag, query, 1);
    else if (search) this.addQueryString(bag, search, 1, true);
    else return false;
    const protocol = this.knownString(parts.get('protocol'))?.replace(/:?(\/\/)?$/, '');
    const host = this.knownString(parts.get('host') ?? parts.get('hostname'));
    const pathname = this.knownString(parts.get('pathname'));
    if (host !== undefined || pathname !== undefined) {
      const path = pathname === undefined ? '' : pathname.startsWith('/') ? pathname : `/${pathname}`;
      bag.endpoints.push(`${protocol ?? 'https'}://${host ?? UNKNOWN}${path}`);
    }
    return true;
  }

  private addObjectExpression(bag: Bag, expression: ts.Expression, depth: number): void {
    const objects = this.values.origins(expression).filter(ts.isObjectLiteralExpression);
    if (objects.length === 0) {
      const other = this.anchorsOf(expression, depth + 1).map((anchor) => this.bagOf(anchor)).filter((found): found is Bag => !!found);
      if (other.length) for (const found of other) this.merge(bag, found);
      else bag.complete = false;
      return;
    }
    for (const object of objects) this.addObject(bag, object, depth + 1);
  }

  private addObject(bag: Bag, object: ts.ObjectLiteralExpression, depth: number): void {
    if (depth > MAX_DEPTH) {
      bag.complete = false;
      return;
    }
    bag.absorbed.add(object);
    for (const property of object.properties) {
      if (ts.isPropertyAssignment(property)) {
        const key = propertyNameText(property.name) ?? this.knownString(ts.isComputedPropertyName(property.name) ? property.name.expression : undefined);
        if (key === undefined) bag.complete = false;
        else this.setParam(bag, key, { expression: property.initializer, site: property });
      } else if (ts.isShorthandPropertyAssignment(property)) {
        this.setParam(bag, property.name.text, { expression: property.name, site: property });
      } else if (ts.isSpreadAssignment(property)) {
        this.addObjectExpression(bag, property.expression, depth + 1);
      }
    }
    // `if (usePkce) params.code_challenge = challenge`: a later write adds the key (as another branch of it).
    for (const { key, assignment } of this.mutationIndex().memberWrites.get(object) ?? []) {
      this.setParam(bag, key, { expression: assignment.right, site: assignment });
    }
  }

  private setParam(bag: Bag, key: string, entry: ParamEntry): void {
    const value = entry.expression ? this.values.unwrap(entry.expression) : undefined;
    // `{ code_challenge: undefined }` sends nothing.
    if (value && ts.isIdentifier(value) && value.text === 'undefined') {
      bag.params.delete(key);
      return;
    }
    const previous = bag.params.get(key);
    bag.params.set(key, previous ? { ...entry, previous } : entry);
  }

  private merge(into: Bag, from: Bag): void {
    for (const node of from.absorbed) into.absorbed.add(node);
    for (const [key, entry] of from.params) into.params.set(key, entry);
    if (!from.complete) into.complete = false;
    if (from.mutable?.length) (into.mutable ??= []).push(...from.mutable);
  }

  /**
   * Parses a URL or form-encoded string built from literals, templates and concatenation.
   * Placeholders that are themselves parameter bags (`?${params}`) are merged in.
   */
  private addQueryString(bag: Bag, expression: ts.Expression, depth: number, wholeIsQuery = false): { hasQuery: boolean; endpoint?: string } {
    const pieces = this.flatten(expression, bag, 0);
    const placeholders: ts.Expression[] = [];
    let text = '';
    for (const piece of pieces) {
      if (typeof piece === 'string') text += piece;
      else {
        text += String.fromCharCode(0xe000 + placeholders.length);
        placeholders.push(piece);
      }
    }
    const resolve = (fragment: string): string[] => {
      let variants = [''];
      for (const char of fragment) {
        const code = char.charCodeAt(0);
        const placeholder = code >= 0xe000 && code < 0xe000 + placeholders.length ? placeholders[code - 0xe000] : undefined;
        const options = placeholder ? this.values.stringValues(placeholder) ?? [UNKNOWN] : [char];
        const next: string[] = [];
        for (const a of variants) for (const b of options) if (next.length < 32) next.push(a + b);
        variants = next;
      }
      return variants;
    };
    const isPlaceholder = (fragment: string): ts.Expression | undefined => {
      if (fragment.length !== 1) return undefined;
      const code = fragment.charCodeAt(0) - 0xe000;
      return code >= 0 && code < placeholders.length ? placeholders[code] : undefined;
    };

    let endpointText: string | undefined;
    let query: string;
    const mark = text.indexOf('?');
    if (mark >= 0) {
      endpointText = text.slice(0, mark);
      query = text.slice(mark + 1);
    } else if (wholeIsQuery || /^[A-Za-z_][\w.]*=/.test(text)) {
      query = text;
    } else {
      return { hasQuery: false, endpoint: resolve(text)[0] };
    }
    const hash = query.indexOf('#');
    if (hash >= 0) query = query.slice(0, hash);

    for (const part of query.split('&')) {
      if (part === '') continue;
      const equals = part.indexOf('=');
      if (equals < 0) {
        const placeholder = isPlaceholder(part);
        const nested = placeholder ? this.anchorsOf(placeholder, depth + 1).map((anchor) => this.bagOf(anchor)).filter((found): found is Bag => !!found) : [];
        if (nested.length) for (const found of nested) this.merge(bag, found);
        else if (placeholder || /[\ue000-\uf8ff\uffff]/.test(part)) bag.complete = false;
        continue;
      }
      const keyVariants = resolve(part.slice(0, equals));
      const key = keyVariants.length === 1 && !keyVariants[0]!.includes(UNKNOWN) ? safeDecode(keyVariants[0]!) : undefined;
      if (key === undefined) {
        bag.complete = false;
        continue;
      }
      const valueFragment = part.slice(equals + 1);
      const single = isPlaceholder(valueFragment);
      this.setParam(bag, key, single ? { expression: single, site: expression } : { text: resolve(valueFragment), site: expression });
    }
    const endpoint = endpointText === undefined ? undefined : resolve(endpointText)[0];
    return { hasQuery: true, endpoint };
  }

  /** A string expression as literal text and unresolved placeholders, following single-origin variables. */
  private flatten(expression: ts.Expression, bag: Bag, depth: number): (string | ts.Expression)[] {
    const node = this.values.unwrap(expression);
    if (depth > MAX_DEPTH) return [node];
    if (ts.isStringLiteralLike(node)) {
      bag.absorbed.add(node);
      return [node.text];
    }
    if (ts.isTemplateExpression(node)) {
      bag.absorbed.add(node);
      const pieces: (string | ts.Expression)[] = [node.head.text];
      for (const span of node.templateSpans) pieces.push(...this.flatten(span.expression, bag, depth + 1), span.literal.text);
      return pieces;
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      // Long `a + b + c + ...` chains nest to the left; their length is not nesting depth.
      const operands: ts.Expression[] = [];
      let current: ts.Expression = node;
      while (ts.isBinaryExpression(current) && current.operatorToken.kind === ts.SyntaxKind.PlusToken) {
        bag.absorbed.add(current);
        operands.unshift(current.right);
        current = this.values.unwrap(current.left);
      }
      operands.unshift(current);
      return operands.flatMap((operand) => this.flatten(operand, bag, depth + 1));
    }
    if (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node)) {
      const origins = this.values.origins(node);
      const only = origins.length === 1 ? origins[0]! : undefined;
      if (only && only !== node && (ts.isTemplateExpression(only) || (ts.isBinaryExpression(only) && only.operatorToken.kind === ts.SyntaxKind.PlusToken))) {
        return this.flatten(only, bag, depth + 1);
      }
    }
    // A single value with unknown parts (`[...].join('&')`) still shows its keys; the unknown parts stay unknown.
    const values = this.values.stringValues(node);
    return values && values.length === 1 ? [values[0]!] : [node];
  }

  /** `params.set(k, v)`, `url.searchParams.append(k, v)`, `url.search = ...` on the object this anchor creates. */
  private addMutations(bag: Bag, anchor: ts.NewExpression, isUrl: boolean): void {
    const index = this.mutationIndex();
    for (const { call, viaSearchParams } of index.writes.get(anchor) ?? []) {
      if (viaSearchParams !== isUrl) continue;
      const method = (call.expression as ts.PropertyAccessExpression).name.text;
      const keyExpression = call.arguments[0];
      if (!keyExpression) continue;
      const key = this.knownString(keyExpression);
      if (key === undefined) {
        const fromEntries = this.entriesSource(keyExpression);
        if (fromEntries) this.addObjectExpression(bag, fromEntries, 1);
        else bag.complete = false;
        continue;
      }
      if (method === 'delete') bag.params.delete(key);
      else if (call.arguments[1]) this.setParam(bag, key, { expression: call.arguments[1], site: call });
    }
    if (isUrl) {
      for (const assignment of index.searchAssignments.get(anchor) ?? []) {
        const nested = this.anchorsOf(assignment.right, 1).map((found) => this.bagOf(found)).filter((found): found is Bag => !!found);
        if (nested.length) for (const found of nested) this.merge(bag, found);
        else this.addQueryString(bag, assignment.right, 1, true);
      }
    }
    (bag.mutable ??= []).push(anchor);
  }

  private mutations: MutationIndex | undefined;

  /**
   * One pass over the file's `.set`/`.append`/`.delete` calls, `url.search =` assignments and
   * PKCE-sounding helpers, keyed by the `new URL`/`new URLSearchParams` they act on.
   */
  private mutationIndex(): MutationIndex {
    if (this.mutations) return this.mutations;
    const index: MutationIndex = { writes: new Map(), searchAssignments: new Map(), memberWrites: new Map() };
    this.mutations = index;
    const add = <T>(map: Map<ts.Node, T[]>, anchor: ts.Node, item: T): void => {
      const list = map.get(anchor);
      if (list) list.push(item);
      else map.set(anchor, [item]);
    };
    for (const call of this.candidates.calls) {
      guarded(() => {
        const callee = call.expression;
        const key = call.arguments[0];
        // `headers.set('Accept', …)`, `cache.set('user', …)`: a literal key no verdict reads changes nothing.
        const irrelevantKey = !!key && ts.isStringLiteralLike(key) && !MODELLED_KEYS.has(key.text);
        if (!irrelevantKey && ts.isPropertyAccessExpression(callee) && ['set', 'append', 'delete'].includes(callee.name.text)) {
          const target = callee.expression;
          if (ts.isPropertyAccessExpression(target) && target.name.text === 'searchParams') {
            for (const anchor of this.anchorsOf(target.expression, 0)) add(index.writes, anchor, { call, viaSearchParams: true });
          } else if (ts.isIdentifier(target) || ts.isPropertyAccessExpression(target)) {
            for (const origin of this.anchorsOf(target, 0)) {
              // `const params = url.searchParams; params.set(...)`
              if (ts.isPropertyAccessExpression(origin) && origin.name.text === 'searchParams') {
                for (const anchor of this.anchorsOf(origin.expression, 1)) add(index.writes, anchor, { call, viaSearchParams: true });
              } else add(index.writes, origin, { call, viaSearchParams: false });
            }
          }
        }
      });
    }
    for (const assignment of this.candidates.searchAssignments) {
      guarded(() => {
        for (const anchor of this.anchorsOf((assignment.left as ts.PropertyAccessExpression).expression, 0)) add(index.searchAssignments, anchor, assignment);
      });
    }
    for (const assignment of this.candidates.memberAssignments) {
      guarded(() => {
        const target = assignment.left as ts.PropertyAccessExpression;
        for (const anchor of this.anchorsOf(target.expression, 0)) {
          if (ts.isObjectLiteralExpression(anchor)) add(index.memberWrites, anchor, { key: target.name.text, assignment });
        }
      });
    }
    return index;
  }

  private escapedAnchors: Set<ts.Node> | undefined;

  /**
   * Objects handed to a helper that may add the PKCE parameters where we cannot see (a
   * callee or function body that mentions PKCE or a challenge). Built on first use: only a
   * bag about to be reported as missing PKCE asks.
   */
  private escaped(): Set<ts.Node> {
    if (this.escapedAnchors) return this.escapedAnchors;
    const escaped = new Set<ts.Node>();
    this.escapedAnchors = escaped;
    for (const call of this.candidates.calls) {
      if (call.arguments.length === 0) continue;
      guarded(() => {
        const callee = call.expression;
        const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
        if (!/pkce|challenge|verifier/i.test(name)) {
          const fn = this.values.calledFunction(call);
          if (!fn || !this.functionMentionsPkce(fn)) return;
        }
        for (const argument of call.arguments) {
          const node = this.values.unwrap(argument);
          const target = ts.isPropertyAccessExpression(node) && node.name.text === 'searchParams' ? node.expression : node;
          for (const anchor of this.anchorsOf(target, 0)) escaped.add(anchor);
        }
      });
    }
    return escaped;
  }

  /** Whether every parameter of the bag is known, including that no helper may add more. */
  private isComplete(bag: Bag): boolean {
    if (!bag.complete) return false;
    if (!bag.mutable?.length) return true;
    const escaped = this.escaped();
    return !bag.mutable.some((anchor) => escaped.has(anchor));
  }

  private readonly pkceFunctions = new Map<ts.Node, boolean>();

  /** Whether a function's source mentions a challenge or PKCE (read from the file's text, once per function). */
  private functionMentionsPkce(fn: FunctionLike): boolean {
    let mentions = this.pkceFunctions.get(fn);
    if (mentions === undefined) {
      mentions = /challenge|pkce/i.test(this.sourceFile.text.slice(fn.pos, fn.end));
      this.pkceFunctions.set(fn, mentions);
    }
    return mentions;
  }

  /** `for (const [k, v] of Object.entries(obj)) params.set(k, v)` and the `forEach` form: the object. */
  private entriesSource(key: ts.Expression): ts.Expression | undefined {
    if (!ts.isIdentifier(key)) return undefined;
    const declaration = this.values.declarationOf(key);
    if (!declaration) return undefined;
    const binding = declaration.node;
    const forOf = findAncestor(binding, ts.isForOfStatement);
    const fn = findAncestor(binding, (node): node is ts.ArrowFunction | ts.FunctionExpression => ts.isArrowFunction(node) || ts.isFunctionExpression(node));
    let source: ts.Expression | undefined;
    if (forOf && binding.pos >= forOf.initializer.pos && binding.end <= forOf.initializer.end) source = forOf.expression;
    else if (fn && declaration.kind === 'parameter' && ts.isCallExpression(fn.parent) && ts.isPropertyAccessExpression(fn.parent.expression) && fn.parent.expression.name.text === 'forEach') {
      source = fn.parent.expression.expression;
    }
    if (!source) return undefined;
    const entries = this.values.unwrap(source);
    if (ts.isCallExpression(entries) && dottedName(entries.expression) === 'Object.entries' && entries.arguments[0]) return entries.arguments[0];
    return undefined;
  }

  /**
   * The nodes an expression's value comes from, following variables, local helpers' returns,
   * `this.x`, `toString()`, `String()` and `.href`. Parameters are not followed: where a bag
   * goes is read at its own site, and following every argument to every call costs too much.
   */
  private anchorsOf(expression: ts.Expression, depth: number): ts.Node[] {
    const node = this.values.unwrap(expression);
    if (depth > MAX_DEPTH) return [node];
    if (ts.isIdentifier(node)) {
      const declaration = this.values.declarationOf(node);
      if (declaration?.kind === 'variable' && declaration.initializer && !declaration.path) {
        const results = this.anchorsOf(declaration.initializer, depth + 1);
        return results.includes(declaration.initializer) ? results : [...results, node];
      }
      return [node];
    }
    if (ts.isCallExpression(node)) {
      const callee = this.values.unwrap(node.expression);
      if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'toString' && node.arguments.length === 0) return this.anchorsOf(callee.expression, depth + 1);
      if (ts.isIdentifier(callee) && callee.text === 'String' && node.arguments[0]) return this.anchorsOf(node.arguments[0], depth + 1);
      if (isStringifyCall(node, this.values) || this.isQueryEncoderCall(node)) return [node];
      const fn = this.values.calledFunction(node);
      if (fn) return this.values.returnedExpressions(fn).flatMap((returned) => this.anchorsOf(returned, depth + 1));
      return [node];
    }
    if (ts.isPropertyAccessExpression(node)) {
      if (node.expression.kind === ts.SyntaxKind.ThisKeyword) {
        const assigned = this.thisPropertyValues(node);
        if (assigned.length) return assigned.flatMap((value) => this.anchorsOf(value, depth + 1));
      }
      if (node.name.text === 'href' || node.name.text === 'search') return this.anchorsOf(node.expression, depth + 1);
    }
    return [node];
  }

  private readonly encoders = new Map<ts.Node, boolean>();

  /**
   * `this._encode(obj)`, `toQueryString(params)`: an in-file helper that turns its object argument into a
   * query string (iterates the parameter's entries or keys and URL-encodes them). Its call is the object's
   * query string, as `qs.stringify(obj)` is.
   */
  private isQueryEncoderCall(call: ts.CallExpression): boolean {
    if (call.arguments.length !== 1) return false;
    const callee = call.expression;
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
    if (!QUERY_ENCODER_NAME.test(name)) return false;
    const fn = this.values.calledFunction(call);
    if (!fn?.body) return false;
    let answer = this.encoders.get(fn);
    if (answer === undefined) {
      const parameter = fn.parameters[0];
      const text = fn.body.getText();
      const own = parameter && ts.isIdentifier(parameter.name) ? parameter.name.text.replace(/\$/g, '\\$') : undefined;
      answer = own !== undefined && fn.parameters.length === 1 &&
        new RegExp(`Object\\.(entries|keys)\\(\\s*${own}\\s*\\)|\\bin\\s+${own}\\b`).test(text) && /encodeURIComponent|URLSearchParams|\.join\(\s*['"]&['"]/.test(text);
      this.encoders.set(fn, answer);
    }
    return answer;
  }

  // ---- endpoints from the calls that send a bag ---------------------------------------------

  private attachEndpointsFromCalls(): void {
    if (this.bags.size === 0 && !this.candidates.objects.some(isOAuthObject)) return;
    for (const call of [...this.candidates.calls, ...this.candidates.news]) {
      const args = call.arguments ?? [];
      if (args.length === 0) continue;
      // Find the payload first: resolving every call's URL argument would cost more than the rest of the model.
      let bags = args.slice(1).flatMap((payload) => this.payloadBags(payload));
      let urlExpression: ts.Expression | undefined = args[0];
      if (bags.length === 0) {
        // `axios({ url, data })`, `got({ url, form })`
        const options = ts.isObjectLiteralExpression(this.values.unwrap(args[0]!)) ? this.values.objectProperties(args[0]!) : undefined;
        urlExpression = options?.get('url');
        if (!urlExpression) continue;
        bags = this.payloadBags(args[0]!);
      }
      if (bags.length === 0) continue;
      const endpoint = this.firstString(urlExpression!);
      if (endpoint === undefined || !looksLikeUrl(endpoint)) continue;
      for (const bag of bags) {
        bag.sent = true;
        if (!bag.endpoints.length) bag.endpoints.push(endpoint);
      }
    }
  }

  private payloadBags(payload: ts.Expression): Bag[] {
    const bags: Bag[] = [];
    for (const anchor of this.payloadAnchors(payload, 0)) {
      const bag = this.bags.get(anchor) ?? (ts.isObjectLiteralExpression(anchor) && isOAuthObject(anchor) ? this.bagOf(anchor) : undefined);
      if (bag) bags.push(bag);
    }
    return bags;
  }

  private payloadAnchors(expression: ts.Expression, depth: number): ts.Node[] {
    if (depth > 4) return [];
    const results: ts.Node[] = [];
    for (const origin of this.anchorsOf(expression, depth + 1)) {
      if (this.bags.has(origin)) {
        results.push(origin);
        continue;
      }
      if (ts.isCallExpression(origin) && dottedName(origin.expression) === 'JSON.stringify' && origin.arguments[0]) {
        results.push(...this.payloadAnchors(origin.arguments[0], depth + 1));
        continue;
      }
      if (ts.isObjectLiteralExpression(origin)) {
        if (isOAuthObject(origin)) results.push(origin);
        for (const property of origin.properties) {
          const key = property.name ? propertyNameText(property.name) : undefined;
          if (key === undefined || !PAYLOAD_KEYS.includes(key)) continue;
          if (ts.isPropertyAssignment(property)) results.push(...this.payloadAnchors(property.initializer, depth + 1));
          else if (ts.isShorthandPropertyAssignment(property)) results.push(...this.payloadAnchors(property.name, depth + 1));
        }
      }
    }
    return results;
  }

  // ---- classification -------------------------------------------------------------------

  private classify(bag: Bag): OAuthRequest | undefined {
    const params = bag.params;
    if (![...params.keys()].some((key) => OAUTH_KEYS.has(key))) return undefined;
    const endpoint = bag.endpoints[0];
    const path = endpoint === undefined ? undefined : endpointPath(endpoint);
    const isTokenPath = path !== undefined && TOKEN_PATHS.some((pattern) => pattern.test(path));
    const isAuthorizePath = path !== undefined && !isTokenPath && AUTHORIZE_PATHS.some((pattern) => pattern.test(path));
    const provider = endpoint === undefined ? undefined : providerOfUrl(endpoint);
    const scopes = this.scopeValues(bag);
    const noPkceHere = endpoint !== undefined && isHostWithoutPkce(endpoint);

    const grant = params.get('grant_type');
    if (grant || (isTokenPath && params.has('code'))) {
      const grantValues = grant ? this.entryStrings(grant) : ['authorization_code'];
      const grantType = grantValues && grantValues.length === 1 && !grantValues[0]!.includes(UNKNOWN) ? grantValues[0] : undefined;
      let pkce: PkceVerdict;
      if ((grantType !== undefined && grantType !== 'authorization_code') || noPkceHere) pkce = { status: 'not-applicable' };
      else if (params.has('code_verifier')) pkce = { status: 'present' };
      else if (grantType === undefined || !this.isComplete(bag)) pkce = { status: 'unknown' };
      else pkce = { status: 'missing-verifier' };
      return { kind: 'token', node: this.reportNode(bag, grant), endpoint, provider, grantType, pkce, scopes };
    }

    // Device authorization (RFC 8628): no code flow, but the scopes are requested here.
    if (path !== undefined && DEVICE_AUTHORIZATION_PATHS.some((pattern) => pattern.test(path)) && params.has('client_id')) {
      return { kind: 'scopes', node: bag.anchor, endpoint, provider, pkce: { status: 'not-applicable' }, scopes };
    }

    const responseType = params.get('response_type');
    const responseValues = responseType ? this.entryStrings(responseType) : undefined;
    if (responseValues && responseValues.every((value) => !value.includes(UNKNOWN) && !value.split(/[\s+]|%20/).includes('code'))) {
      return undefined; // implicit or other non-code flows are not this model's concern
    }
    const isRelative = endpoint !== undefined && !endpoint.startsWith(UNKNOWN) && !/^[a-z][a-z0-9+.-]*:\/\//i.test(endpoint);
    const isAuthorize =
      (responseType !== undefined && !(isRelative && !isAuthorizePath) && (params.has('client_id') || params.has('redirect_uri') || isAuthorizePath)) ||
      (isAuthorizePath && (params.has('client_id') || params.has('redirect_uri')));
    if (!isAuthorize) return undefined;
    // OpenID Connect hybrid flows (`code id_token`): the ID token's c_hash and nonce bind the code; PKCE is not this request's question.
    const hybrid = !!responseValues && responseValues.length > 0 && responseValues.every(isHybridResponseType);
    // A relay of the incoming request's own parameters (`client_id` read from the request's query, as a
    // login page that continues to the server's authorize endpoint): the client that sent them owns its PKCE.
    const relayed = this.isIncomingQueryValue(params.get('client_id'));
    const pkce: PkceVerdict = hybrid || noPkceHere || relayed ? { status: 'not-applicable' } : this.challengeVerdict(bag);
    return { kind: 'authorize', node: this.reportNode(bag, responseType), endpoint, provider, pkce, scopes, state: this.stateParameter(bag), hybrid: hybrid || noPkceHere };
  }

  /** Whether a parameter's value is read from the incoming request's query (`const { client_id } = req.query`). */
  private isIncomingQueryValue(entry: ParamEntry | undefined): boolean {
    const expression = entry?.expression;
    if (!expression) return false;
    if (requestQueryRead(this.values, expression) !== undefined) return true;
    const origins = this.values.origins(expression);
    return origins.length > 0 && origins.every((origin) => requestQueryRead(this.values, origin) !== undefined);
  }

  /**
   * Where a request is reported: where it is put together, except when a generic helper
   * (`buildUrl(base, params)`) puts together parameters its caller wrote: then at the caller's
   * parameters, the code that gives the helper its OAuth meaning.
   */
  private reportNode(bag: Bag, marker: ParamEntry | undefined): ts.Node {
    const site = marker?.site;
    const helper = findAncestor(bag.anchor, isFunctionLike);
    const caller = site && findAncestor(site, isFunctionLike);
    if (!site || !helper || !caller || site.getSourceFile() !== this.sourceFile) return bag.anchor;
    // Parameters written in the same function, or in a function around it (a closure's constants), stay at the anchor.
    if ((site.pos >= helper.pos && site.end <= helper.end) || (bag.anchor.pos >= caller.pos && bag.anchor.end <= caller.end)) return bag.anchor;
    return ts.isPropertyAssignment(site) || ts.isShorthandPropertyAssignment(site) ? site.parent : site;
  }

  /** The request's `state`: its value when written, absent when the request is known in full, else unknown (undefined). */
  private stateParameter(bag: Bag): OAuthRequest['state'] {
    const entry = bag.params.get('state');
    if (entry) return { present: true, value: entry.expression, site: entry.site };
    return this.isComplete(bag) ? { present: false } : undefined;
  }

  private challengeVerdict(bag: Bag): PkceVerdict {
    const challenge = bag.params.get('code_challenge');
    const method = bag.params.get('code_challenge_method');
    if (method) {
      const plain = this.isPlainMethod(method);
      if (plain) return { status: 'plain', node: method.site };
    }
    if (challenge && method) {
      const state = bag.params.get('state');
      if (state && this.carriesVerifier(state)) return { status: 'verifier-in-state', node: state.site };
      return { status: 'present' };
    }
    if (challenge) return this.isComplete(bag) ? { status: 'missing-method' } : { status: 'unknown' };
    return this.isComplete(bag) ? { status: 'missing-challenge' } : { status: 'unknown' };
  }

  /**
   * `state: encodeState({ verifier: pkce.verifier })`, `btoa(JSON.stringify({ redirectTo, codeVerifier }))`: the
   * state is built from the PKCE verifier (followed through local variables), so the verifier goes out in the
   * front channel with the challenge, and anyone who sees the redirect can redeem the code.
   */
  private carriesVerifier(entry: ParamEntry): boolean {
    if (!entry.expression) return false;
    const seen = new Set<ts.Node>();
    const isVerifierName = (name: string): boolean => VERIFIER_NAME.test(name) && !NOT_VERIFIER_NAME.test(name);
    const visit = (node: ts.Node, depth: number): boolean => {
      if (seen.has(node) || depth > MAX_DEPTH) return false;
      seen.add(node);
      if (ts.isIdentifier(node)) {
        if (isVerifierName(node.text)) return true;
        const declaration = this.values.declarationOf(node);
        return declaration?.kind === 'variable' && !!declaration.initializer && !declaration.path && visit(declaration.initializer, depth + 1);
      }
      // `pkce.verifier`: the member named; `session.id` says nothing of what else the session holds.
      if (ts.isPropertyAccessExpression(node)) return isVerifierName(node.name.text);
      if (ts.isPropertyAssignment(node)) return (!!propertyNameText(node.name) && isVerifierName(propertyNameText(node.name)!)) || visit(node.initializer, depth);
      if (ts.isCallExpression(node)) {
        // Only encoders pass their input on (`btoa`, `JSON.stringify`, `Buffer.from(…).toString('base64url')`, `encodeState`);
        // `stateStore.create({ verifier })` keeps the verifier and returns a handle.
        const callee = this.values.unwrap(node.expression);
        const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
        if (!STATE_ENCODER_NAME.test(name)) return false;
        if (ts.isPropertyAccessExpression(callee) && visit(callee.expression, depth + 1)) return true;
        return node.arguments.some((argument) => visit(argument, depth + 1));
      }
      if (ts.isStringLiteralLike(node) || ts.isFunctionLike(node)) return false;
      return ts.forEachChild(node, (child) => (visit(child, depth) ? true : undefined)) ?? false;
    };
    return visit(entry.expression, 0);
  }

  /** Whether every write of the method parameter says 'plain' (a branch choosing 'S256' is not reported). */
  private isPlainMethod(entry: ParamEntry): boolean {
    for (let current: ParamEntry | undefined = entry; current; current = current.previous) {
      const values = this.entryStrings(current);
      const plain = values
        ? values.length > 0 && values.every((value) => value.toLowerCase() === 'plain')
        : !!current.expression && /(^|\.)plain$/i.test(dottedName(this.values.unwrap(current.expression)));
      if (!plain) return false;
    }
    return true;
  }

  /** The possible strings of a parameter, or undefined when nothing is known. */
  private entryStrings(entry: ParamEntry): string[] | undefined {
    if (entry.text) return entry.text.map(safeDecode);
    return entry.expression ? this.values.stringValues(entry.expression) : undefined;
  }

  private scopeValues(bag: Bag): ScopeValue[] {
    const results: ScopeValue[] = [];
    for (const key of SCOPE_KEYS) {
      const entry = bag.params.get(key);
      if (!entry) continue;
      if (entry.text) results.push({ values: entry.text, encoded: true, roots: [entry.site], fallback: entry.site });
      else if (entry.expression) results.push(this.scopeValueOf(entry.expression, ts.isPropertyAssignment(entry.site) ? entry.site.initializer : entry.site));
    }
    return results;
  }

  /** Scope values from an expression: a string, an array of strings, or either through variables. */
  private scopeValueOf(expression: ts.Expression, fallback: ts.Node): ScopeValue {
    const values: string[] = [];
    const roots: ts.Node[] = [expression];
    for (const origin of this.values.origins(expression)) {
      // `TOOLS.map((tool) => tool.scope).join(' ')`, `Object.values(SCOPES)`: the elements are the scopes.
      const joined = ts.isCallExpression(origin) && ts.isPropertyAccessExpression(origin.expression) && origin.expression.name.text === 'join'
        ? origin.expression.expression : origin;
      const elements = ts.isArrayLiteralExpression(origin) ? this.values.arrayElements(origin) : this.collectionElements(joined, 0);
      if (elements) {
        for (const element of elements) values.push(...(this.values.stringValues(element) ?? [UNKNOWN]));
        if (!ts.isArrayLiteralExpression(origin)) roots.push(...elements);
      } else values.push(...(this.values.stringValues(origin) ?? [UNKNOWN]));
    }
    return { values, encoded: false, roots, fallback };
  }

  /**
   * The elements of a list built with `map`/`flatMap` over objects (`(tool) => tool.scope`,
   * `({ scope }) => scope`), `filter` without literal tests, `Object.values`, `concat`,
   * `Array.from`, `new Set` and spreads; undefined when any step is out of reach.
   */
  private collectionElements(expression: ts.Expression, depth: number): ts.Expression[] | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const node = this.values.unwrap(expression);
    if (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node)) {
      const origins = this.values.origins(node);
      if (origins.length !== 1 || origins[0] === node) return undefined;
      return this.collectionElements(origins[0]!, depth + 1);
    }
    if (ts.isArrayLiteralExpression(node)) {
      const elements: ts.Expression[] = [];
      for (const element of node.elements) {
        if (!ts.isSpreadElement(element)) {
          elements.push(element);
          continue;
        }
        const spread = this.collectionElements(element.expression, depth + 1);
        if (!spread) return undefined;
        elements.push(...spread);
      }
      return elements;
    }
    if (ts.isNewExpression(node)) {
      const first = node.arguments?.[0];
      return ts.isIdentifier(node.expression) && node.expression.text === 'Set' && first ? this.collectionElements(first, depth + 1) : undefined;
    }
    if (!ts.isCallExpression(node)) return undefined;
    const callee = this.values.unwrap(node.expression);
    const first = node.arguments[0];
    const name = dottedName(callee);
    if ((name === 'Object.values' || name === 'Array.from') && first) {
      if (name === 'Array.from') return node.arguments.length === 1 ? this.collectionElements(first, depth + 1) : undefined;
      const properties = this.values.objectProperties(first);
      return properties ? [...properties.values()] : undefined;
    }
    if (!ts.isPropertyAccessExpression(callee)) return undefined;
    const method = callee.name.text;
    if (method === 'concat') {
      const parts = [callee.expression, ...node.arguments].map((part) => this.collectionElements(part, depth + 1));
      return parts.every((part) => part) ? parts.flat() as ts.Expression[] : undefined;
    }
    if (!first || !(ts.isArrowFunction(first) || ts.isFunctionExpression(first))) return undefined;
    const source = this.collectionElements(callee.expression, depth + 1);
    if (!source) return undefined;
    if (method === 'filter') {
      // A test against literal values ('s !== "repo"') may drop exactly the scope we would report.
      return containsLiteral(first.body) ? undefined : source;
    }
    if (method !== 'map' && method !== 'flatMap') return undefined;
    const pick = projection(first);
    if (!pick) return undefined;
    const results: ts.Expression[] = [];
    for (const element of source) {
      const value = pick.key === undefined ? element : this.values.objectProperties(element)?.get(pick.key);
      if (!value) return undefined;
      if (method === 'flatMap') {
        const inner = this.collectionElements(value, depth + 1);
        if (inner) results.push(...inner);
        else results.push(value);
      } else results.push(value);
    }
    return results;
  }

  // ---- libraries ----------------------------------------------------------------------------

  private libraryRequest(call: ts.CallExpression | ts.NewExpression): OAuthRequest | undefined {
    const shape = this.matchShape(call);
    if (!shape) return undefined;
    const { library, className } = shape;
    const args = call.arguments ?? [];
    let provider = library.provider;
    if (library.providerByName) {
      const name = className ?? (args[0] ? this.firstString(args[0]) : undefined);
      if (name !== undefined) provider = library.providerByName[name];
    }
    const options = library.optionsArgument !== undefined ? args[library.optionsArgument] : undefined;
    if (library.optionsMustHave) {
      // A library known only by its name's pattern: its options must say which kind of client it is.
      const properties = options ? this.values.objectProperties(options) : undefined;
      if (!properties || !library.optionsMustHave.every((key) => properties.has(key))) return undefined;
    }
    const scopes: ScopeValue[] = [];
    if (library.scopeKeys && options) {
      for (const key of library.scopeKeys) {
        const value = this.optionValue(options, key);
        if (value) scopes.push(this.scopeValueOf(value, value));
      }
    }
    if (library.scopeArgument !== undefined) {
      const argument = library.scopeArgument === 'last' ? args[args.length - 1] : args[library.scopeArgument];
      if (argument && args.length >= 2 && !ts.isStringLiteralLike(argument)) scopes.push(this.scopeValueOf(argument, argument));
    }
    const superClass = ts.isCallExpression(call) && isSuperCall(call) ? this.superClassOf(call) : undefined;
    const callName = ts.isNewExpression(call) ? `new ${dottedName(call.expression)}` : superClass ? `super → ${dottedName(superClass)}` : dottedName(call.expression);
    const kind = library.role === 'authorize' ? 'authorize' : library.role === 'exchange' ? 'token' : 'scopes';
    return { kind, node: call, provider, library, callName, pkce: this.libraryPkce(call, library), scopes, grantType: kind === 'token' ? 'authorization_code' : undefined };
  }

  private libraryPkce(call: ts.CallExpression | ts.NewExpression, library: LibraryCallShape): PkceVerdict {
    const evidence = library.pkce;
    const args = call.arguments ?? [];
    if (!evidence || library.role === 'scopes') return { status: 'not-applicable' };
    switch (evidence.via) {
      case 'always':
        return { status: 'present' };
      case 'never':
        return { status: 'missing-challenge' };
      case 'method-argument': {
        const method = args[evidence.index];
        if (!method) return { status: 'missing-method' };
        const values = this.values.stringValues(method);
        const plain = values ? values.every((value) => value.toLowerCase() === 'plain') : /(^|\.)plain$/i.test(dottedName(this.values.unwrap(method)));
        return plain ? { status: 'plain', node: method } : { status: 'present' };
      }
      case 'verifier-argument': {
        let verifier = args[evidence.index];
        const missing: PkceVerdict = { status: library.role === 'authorize' ? 'missing-challenge' : 'missing-verifier' };
        const earlier = evidence.earlierIndex !== undefined ? args[evidence.earlierIndex] : undefined;
        if (earlier && (!verifier || ts.isObjectLiteralExpression(this.values.unwrap(verifier))) && !ts.isObjectLiteralExpression(this.values.unwrap(earlier))) {
          // The earlier signature: the verifier sits one place before.
          const value = this.values.unwrap(earlier);
          if (isNothing(value) || /(^|\.)nopkce$/.test(dottedName(value))) return missing;
          return { status: 'present' };
        }
        if (args.length < evidence.minArguments || !verifier || isNothing(this.values.unwrap(verifier))) return missing;
        if (/(^|\.)nopkce$/.test(dottedName(this.values.unwrap(verifier)))) return missing;
        return { status: 'present' };
      }
      case 'challenge-options': {
        const options = library.optionsArgument !== undefined ? args[library.optionsArgument] : undefined;
        if (!options) return { status: 'missing-challenge' };
        const bag = this.optionsBag(options);
        if (!bag) return { status: 'unknown' };
        const challenge = bag.params.get(evidence.challengeKey);
        const method = bag.params.get(evidence.methodKey);
        if (method && this.isPlainMethod(method)) return { status: 'plain', node: method.site };
        if (challenge && method) return { status: 'present' };
        if (!this.isComplete(bag)) return { status: 'unknown' };
        return challenge ? { status: 'missing-method' } : { status: 'missing-challenge' };
      }
      case 'flag-option': {
        const options = library.optionsArgument !== undefined ? args[library.optionsArgument] : undefined;
        const properties = options ? this.values.objectProperties(options) : undefined;
        if (!properties) return { status: 'unknown' };
        const flag = properties.get(evidence.key);
        if (!flag) return { status: 'missing-challenge' };
        const value = this.values.unwrap(flag);
        if (value.kind === ts.SyntaxKind.TrueKeyword) return { status: 'present' };
        if (value.kind === ts.SyntaxKind.FalseKeyword) return { status: 'missing-challenge' };
        const strings = this.values.stringValues(value);
        if (strings?.length && strings.every((text) => text.toLowerCase() === 'plain')) return { status: 'plain', node: flag };
        return { status: 'present' };
      }
      case 'flag-argument': {
        const flag = args[evidence.index];
        if (!flag) return { status: 'missing-challenge' };
        const value = this.values.unwrap(flag);
        if (value.kind === ts.SyntaxKind.FalseKeyword || isNothing(value)) return { status: 'missing-challenge' };
        return value.kind === ts.SyntaxKind.TrueKeyword ? { status: 'present' } : { status: 'unknown' };
      }
      case 'verifier-option': {
        const options = library.optionsArgument !== undefined ? args[library.optionsArgument] : undefined;
        if (!options) return { status: 'missing-verifier' };
        const bag = this.optionsBag(options);
        if (!bag) return evidence.bareCodeMeansNone && this.looksLikeCode(options) ? { status: 'missing-verifier' } : { status: 'unknown' };
        if (bag.params.has(evidence.verifierKey)) return { status: 'present' };
        return this.isComplete(bag) ? { status: 'missing-verifier' } : { status: 'unknown' };
      }
    }
  }

  /** The parameters of a library's options argument, or undefined when it is not an object we can see. */
  private optionsBag(options: ts.Expression): Bag | undefined {
    const origins = this.values.origins(options);
    const known = origins.filter((origin) => ts.isObjectLiteralExpression(origin) || this.bags.has(origin) || isUrlSearchParamsNew(origin, this.values));
    if (known.length === 0) return undefined;
    const bag: Bag = { anchor: options, params: new Map(), complete: known.length === origins.length || origins.every((origin) => known.includes(origin) || isParameterIdentifier(origin, this.values)), endpoints: [], absorbed: new Set(), sent: true };
    for (const origin of known) {
      if (ts.isObjectLiteralExpression(origin)) this.addObject(bag, origin, 0);
      else {
        const found = this.bagOf(origin);
        if (found) this.merge(bag, found);
      }
    }
    return bag;
  }

  /** A string-typed authorization code: `code`, `req.query.code`, `String(code)`, a literal. */
  private looksLikeCode(expression: ts.Expression): boolean {
    const node = this.values.unwrap(expression);
    if (ts.isStringLiteralLike(node) || ts.isTemplateExpression(node)) return true;
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'String') return true;
    const name = ts.isIdentifier(node) ? node.text : ts.isPropertyAccessExpression(node) ? node.name.text : ts.isElementAccessExpression(node) ? this.values.memberName(node) : undefined;
    return name !== undefined && /(^|[a-z_])code$|^code/i.test(name) && !/verifier|challenge/i.test(name);
  }

  /** A dotted key's value in an options object (`installUrlOptions.scopes`). */
  private optionValue(options: ts.Expression, dottedKey: string): ts.Expression | undefined {
    let current: ts.Expression | undefined = options;
    for (const key of dottedKey.split('.')) {
      if (!current) return undefined;
      current = this.values.objectProperties(current)?.get(key);
    }
    return current;
  }

  private importedLibraries: { constructors: LibraryCallShape[]; calls: Map<string, LibraryCallShape[]> } | undefined;

  /** The library call shapes whose package this file imports (no other call can match), by call name. */
  private librariesInFile(): { constructors: LibraryCallShape[]; calls: Map<string, LibraryCallShape[]> } {
    if (!this.importedLibraries) {
      const constructors: LibraryCallShape[] = [];
      const calls = new Map<string, LibraryCallShape[]>();
      for (const library of LIBRARY_CALLS) {
        if (![...this.modules].some((imported) => library.modules.some((module) => moduleMatches(imported, module)))) continue;
        if (library.call === 'constructor') constructors.push(library);
        else calls.set(library.name, [...(calls.get(library.name) ?? []), library]);
      }
      this.importedLibraries = { constructors, calls };
    }
    return this.importedLibraries;
  }

  /** The library whose exported class `constructed` is imported from, among the constructor shapes. */
  private constructedLibrary(constructors: readonly LibraryCallShape[], constructed: ts.Expression): { library: LibraryCallShape } | undefined {
    if (constructors.length === 0) return undefined;
    const imported = this.importOf(constructed, 0);
    if (!imported) return undefined;
    const exported = imported.path[imported.path.length - 1] ?? 'default';
    const library = constructors.find((shape) => shape.modules.some((module) => moduleMatches(imported.module, module)) && (shape.name === '*' || shape.name === exported));
    return library ? { library } : undefined;
  }

  private matchShape(call: ts.CallExpression | ts.NewExpression): { library: LibraryCallShape; className?: string } | undefined {
    const libraries = this.librariesInFile();
    // `new Strategy({ … })`; and `class extends OAuth2Strategy { constructor() { super({ … }) } }` or NestJS's
    // mixin `class extends PassportStrategy(Strategy, name)`, where the super call constructs the library class.
    if (ts.isNewExpression(call)) return this.constructedLibrary(libraries.constructors, this.values.unwrap(call.expression));
    if (isSuperCall(call)) {
      const base = this.superClassOf(call);
      return base ? this.constructedLibrary(libraries.constructors, base) : undefined;
    }
    const rawCallee = call.expression;
    const rawName = ts.isIdentifier(rawCallee) ? rawCallee.text : ts.isPropertyAccessExpression(rawCallee) ? rawCallee.name.text : undefined;
    if (rawName !== undefined && !libraries.calls.has(rawName)) return undefined;
    const callee = this.values.unwrap(rawCallee);
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    if (name === undefined) return undefined;
    for (const library of libraries.calls.get(name) ?? []) {
      if (library.pluginArgument !== undefined) {
        // `fastify.register(oauthPlugin, options)`: the registered plugin must be the library.
        const plugin = call.arguments[library.pluginArgument];
        const imported = plugin && this.importOf(this.values.unwrap(plugin), 0);
        if (imported && library.modules.some((module) => moduleMatches(imported.module, module))) return { library };
        continue;
      }
      if (library.call === 'function') {
        const imported = this.importOf(callee, 0);
        if (imported && library.modules.some((module) => moduleMatches(imported.module, module)) && imported.path[imported.path.length - 1] === name) return { library };
        continue;
      }
      if (!ts.isPropertyAccessExpression(callee)) continue;
      if (!library.receiverClasses) return { library };
      const receiver = this.receiverClass(callee.expression);
      if (!receiver || !library.modules.some((module) => moduleMatches(receiver.module, module))) continue;
      if (library.exceptClasses?.includes(receiver.className)) continue;
      if (library.receiverClasses.includes('*') || library.receiverClasses.includes(receiver.className)) return { library, className: receiver.className };
    }
    return undefined;
  }

  /** The class a `super(…)` call constructs: the `extends` clause, or the first argument of a mixin call there. */
  private superClassOf(call: ts.CallExpression): ts.Expression | undefined {
    const cls = findAncestor(call, ts.isClassLike);
    const heritage = cls?.heritageClauses?.find((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
    if (!heritage) return undefined;
    const base = this.values.unwrap(heritage.expression);
    if (ts.isCallExpression(base)) return base.arguments[0] ? this.values.unwrap(base.arguments[0]) : undefined;
    return base;
  }

  /** The class (and its module) an object was constructed from: `new X()`, a typed variable or parameter, `this.x`. */
  private receiverClass(expression: ts.Expression, depth = 0): { module: string; className: string } | undefined {
    if (depth > 4) return undefined;
    const node = this.values.unwrap(expression);
    const candidates: ts.Node[] = [...this.values.origins(node)];
    if (ts.isPropertyAccessExpression(node) && node.expression.kind === ts.SyntaxKind.ThisKeyword) candidates.push(...this.thisPropertyValues(node), ...this.thisPropertyTypes(node));
    if (ts.isIdentifier(node)) {
      const declaration = this.values.declarationOf(node);
      const declared = declaration?.node;
      if (declared && (ts.isParameter(declared) || ts.isVariableDeclaration(declared)) && declared.type) candidates.push(declared.type);
    }
    for (const candidate of candidates) {
      if (ts.isNewExpression(candidate)) {
        const constructor = this.values.unwrap(candidate.expression);
        const className = ts.isIdentifier(constructor) ? constructor.text : ts.isPropertyAccessExpression(constructor) ? constructor.name.text : undefined;
        const imported = this.importOf(constructor, 0);
        if (className && imported) return { module: imported.module, className: imported.path[imported.path.length - 1] ?? className };
        const root = this.rootModule(constructor, 0);
        if (className && root) return { module: root, className };
      }
      if (ts.isTypeReferenceNode(candidate)) {
        const typeName = candidate.typeName;
        const last = ts.isIdentifier(typeName) ? typeName : typeName.right;
        const imported = this.importOf(ts.isIdentifier(typeName) ? typeName : (typeName.left as ts.Identifier), 0);
        if (imported) return { module: imported.module, className: ts.isIdentifier(typeName) ? (imported.path[imported.path.length - 1] ?? last.text) : last.text };
      }
      if (ts.isCallExpression(candidate)) {
        const fn = this.values.calledFunction(candidate);
        if (fn) for (const returned of this.values.returnedExpressions(fn)) {
          const found = this.receiverClass(returned, depth + 1);
          if (found) return found;
        }
      }
    }
    return undefined;
  }

  /** Values assigned to `this.name` in the class: property initializers and assignments in its constructor and methods. */
  private readonly thisAssignments = new Map<ts.Node, Map<string, ts.Expression[]>>();

  private thisPropertyValues(access: ts.PropertyAccessExpression): ts.Expression[] {
    const cls = findAncestor(access, ts.isClassLike);
    if (!cls) return [];
    let byName = this.thisAssignments.get(cls);
    if (!byName) {
      byName = this.classThisAssignments(cls);
      this.thisAssignments.set(cls, byName);
    }
    return byName.get(access.name.text) ?? [];
  }

  /** Every `this.x` value of a class, by name, from one pass over its members. */
  private classThisAssignments(cls: ts.ClassLikeDeclaration): Map<string, ts.Expression[]> {
    const byName = new Map<string, ts.Expression[]>();
    const add = (name: string, value: ts.Expression): void => {
      const list = byName.get(name);
      if (list) list.push(value);
      else byName.set(name, [value]);
    };
    for (const member of cls.members) {
      const name = ts.isPropertyDeclaration(member) ? propertyNameText(member.name) : undefined;
      if (name !== undefined && ts.isPropertyDeclaration(member) && member.initializer) add(name, member.initializer);
    }
    const visit = (node: ts.Node): void => {
      if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left) &&
          node.left.expression.kind === ts.SyntaxKind.ThisKeyword) {
        add(node.left.name.text, node.right);
      }
      if (!ts.isClassLike(node)) ts.forEachChild(node, visit);
    };
    for (const member of cls.members) {
      if ((ts.isConstructorDeclaration(member) || ts.isMethodDeclaration(member)) && member.body) ts.forEachChild(member.body, visit);
    }
    return byName;
  }

  private thisPropertyTypes(access: ts.PropertyAccessExpression): ts.TypeNode[] {
    const cls = findAncestor(access, ts.isClassLike);
    if (!cls) return [];
    const name = access.name.text;
    const results: ts.TypeNode[] = [];
    for (const member of cls.members) {
      if (ts.isPropertyDeclaration(member) && propertyNameText(member.name) === name && member.type) results.push(member.type);
      if (ts.isConstructorDeclaration(member)) {
        for (const parameter of member.parameters) {
          if (ts.isIdentifier(parameter.name) && parameter.name.text === name && parameter.type) results.push(parameter.type);
        }
      }
    }
    return results;
  }

  /** Where an imported name comes from: `{ module, path }` for `X`, `ns.X`, `require('m').X`, `google.auth.OAuth2`. */
  private importOf(expression: ts.Expression, _depth: number): ModuleRef | undefined {
    return importedFrom(expression, this.values);
  }

  /** The module at the root of `issuer.Client` when `issuer` comes from `Issuer.discover(...)`. */
  private rootModule(expression: ts.Expression, depth: number): string | undefined {
    if (depth > 6) return undefined;
    let node = this.values.unwrap(expression);
    while (ts.isPropertyAccessExpression(node) || ts.isCallExpression(node)) node = this.values.unwrap(node.expression);
    if (!ts.isIdentifier(node)) return undefined;
    const imported = this.importOf(node, 0);
    if (imported) return imported.module;
    for (const origin of this.values.origins(node)) if (origin !== node) {
      const found = this.rootModule(origin, depth + 1);
      if (found) return found;
    }
    return undefined;
  }

  // ---- client registration metadata (MCP SDK `OAuthClientMetadata`) -------------------------------

  private clientMetadataRequest(object: ts.ObjectLiteralExpression): OAuthRequest | undefined {
    const keys = new Set(object.properties.map((property) => (property.name ? propertyNameText(property.name) : undefined)).filter((key): key is string => !!key));
    if (!keys.has('scope')) return undefined;
    const registration = keys.has('redirect_uris') || (keys.has('grant_types') && keys.has('client_name'));
    if (!registration && !this.hasClientMetadataType(object)) return undefined;
    const scope = object.properties.find((property): property is ts.PropertyAssignment | ts.ShorthandPropertyAssignment =>
      (ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property)) && propertyNameText(property.name) === 'scope');
    if (!scope) return undefined;
    const value = ts.isPropertyAssignment(scope) ? scope.initializer : scope.name;
    return { kind: 'scopes', node: object, pkce: { status: 'not-applicable' }, scopes: [this.scopeValueOf(value, value)], callName: 'clientMetadata' };
  }

  private hasClientMetadataType(object: ts.ObjectLiteralExpression): boolean {
    let node: ts.Node = object;
    while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
    const parent = node.parent;
    const typeNode =
      (ts.isVariableDeclaration(parent) || ts.isPropertyDeclaration(parent)) && parent.initializer === node ? parent.type :
      ts.isSatisfiesExpression(parent) || ts.isAsExpression(parent) ? parent.type :
      ts.isReturnStatement(parent) ? functionReturnType(parent) : undefined;
    if (!typeNode) return false;
    const text = typeNode.getText(this.sourceFile);
    return CLIENT_METADATA_TYPES.some((name) => new RegExp(`\\b${name}\\b`).test(text));
  }

  // ---- provider configuration tables (OAuth proxies) ---------------------------------------------

  /**
   * `{ authorizationUrl: 'https://github.com/login/oauth/authorize', scopes: ['repo'] }`: an
   * upstream provider described in one place and its authorize URL built in another. The
   * scopes are a choice for that provider when the endpoint is an authorize endpoint of a
   * known provider (by its host, or by a key such as `provider: 'gitlab'` next to it).
   */
  private providerConfigRequest(object: ts.ObjectLiteralExpression): OAuthRequest | undefined {
    const ownKeys = object.properties.map((property) => (property.name ? propertyNameText(property.name) : undefined)).filter((key): key is string => !!key).map(configKey);
    if (!ownKeys.some((key) => CONFIG_SCOPE_KEYS.has(key) || AUTHORIZATION_ENDPOINT_KEYS.has(key))) return undefined;
    const properties = this.values.objectProperties(object);
    if (!properties) return undefined;
    const scopeExpressions: ts.Expression[] = [];
    const endpointExpressions: ts.Expression[] = [];
    const nameExpressions: ts.Expression[] = [];
    for (const [rawKey, value] of properties) {
      const key = configKey(rawKey);
      if (CONFIG_SCOPE_KEYS.has(key)) scopeExpressions.push(value);
      else if (AUTHORIZATION_ENDPOINT_KEYS.has(key)) endpointExpressions.push(value);
      else if (PROVIDER_NAME_KEYS.has(key)) nameExpressions.push(value);
      else if (ENDPOINT_GROUP_KEYS.has(key)) {
        // `endpoints: { authorization: 'https://github.com/login/oauth/authorize' }` (nuxt-auth style providers).
        for (const [innerKey, inner] of this.values.objectProperties(value) ?? []) if (GROUPED_AUTHORIZATION_KEYS.has(configKey(innerKey))) endpointExpressions.push(inner);
      }
    }
    if (scopeExpressions.length === 0 || endpointExpressions.length === 0) return undefined;
    const endpoints = endpointExpressions.flatMap((expression) => this.values.stringValues(expression) ?? []);
    // Every value the endpoint may take must be an authorize endpoint; a token URL or a page is not.
    if (endpoints.length === 0 || !endpoints.every((endpoint) => looksLikeUrl(endpoint) && isAuthorizeEndpoint(endpoint))) return undefined;
    const hostProviders = new Set(endpoints.map(providerOfUrl));
    let provider: ScopeProvider | undefined;
    if (hostProviders.size === 1 && !hostProviders.has(undefined)) provider = [...hostProviders][0];
    else if (endpoints.every((endpoint) => !providerOfUrl(endpoint))) provider = this.namedProvider(object, nameExpressions);
    if (!provider) return undefined;
    return {
      kind: 'scopes', node: object, endpoint: endpoints[0], provider, pkce: { status: 'not-applicable' },
      scopes: scopeExpressions.map((expression) => this.scopeValueOf(expression, expression)), callName: 'providerConfig',
    };
  }

  /**
   * `{ authorizationUrl: 'https://github.com/login/oauth/authorize', responseType: 'code', pkce: false }`,
   * `{ authorizationEndpoint, tokenEndpoint, usePKCE: false }`: a provider configuration (or its defaults)
   * that turns PKCE off for an authorization-code flow. Only a literal `false` counts.
   */
  private pkceSwitchedOff(object: ts.ObjectLiteralExpression): OAuthRequest | undefined {
    let flag: ts.PropertyAssignment | undefined;
    let endpoint = false;
    let codeFlow = false;
    let withoutPkce = false;
    for (const property of object.properties) {
      if (!ts.isPropertyAssignment(property)) continue;
      const raw = propertyNameText(property.name);
      if (raw === undefined) continue;
      const key = configKey(raw);
      if (PKCE_SWITCH_KEYS.has(key)) {
        if (this.values.unwrap(property.initializer).kind === ts.SyntaxKind.FalseKeyword) flag = property;
        else return undefined;
      } else if (AUTHORIZATION_ENDPOINT_KEYS.has(key)) {
        endpoint = true;
        if (this.values.stringValues(property.initializer)?.some(isHostWithoutPkce)) withoutPkce = true;
      }
      else if (FLOW_KEYS.has(key)) {
        const values = this.values.stringValues(property.initializer);
        if (values?.some((value) => value === 'code' || value === 'authorization_code')) codeFlow = true;
      }
    }
    if (!flag || !(endpoint || codeFlow) || withoutPkce) return undefined;
    return { kind: 'authorize', node: flag, pkce: { status: 'disabled', node: flag }, scopes: [], callName: 'providerConfig' };
  }

  /** The provider a configuration names: `provider: 'gitlab'` (and `type`, `id`, `name`), or the table key it sits under (`{ gitlab: {...} }`). */
  private namedProvider(object: ts.ObjectLiteralExpression, nameExpressions: readonly ts.Expression[]): ScopeProvider | undefined {
    const names = nameExpressions.flatMap((expression) => this.values.stringValues(expression) ?? []);
    let node: ts.Node = object;
    while (ts.isParenthesizedExpression(node.parent) || ts.isAsExpression(node.parent) || ts.isSatisfiesExpression(node.parent)) node = node.parent;
    if (ts.isPropertyAssignment(node.parent) && node.parent.initializer === node) {
      const tableKey = propertyNameText(node.parent.name);
      if (tableKey !== undefined) names.push(tableKey);
    }
    const providers = new Set(names.map((name) => PROVIDER_NAMES[name.toLowerCase().replace(/[^a-z0-9]/g, '')]).filter((found): found is ScopeProvider => !!found));
    return providers.size === 1 ? [...providers][0] : undefined;
  }

  // ---- small helpers ------------------------------------------------------------------------

  private knownString(expression: ts.Expression | undefined): string | undefined {
    if (!expression) return undefined;
    const values = this.values.stringValues(expression);
    return values && values.length === 1 && !values[0]!.includes(UNKNOWN) ? values[0] : undefined;
  }

  private firstString(expression: ts.Expression): string | undefined {
    const node = this.values.unwrap(expression);
    if (ts.isNewExpression(node) && webUrlClass(node, this.values) === 'URL' && node.arguments?.[0]) {
      const path = this.firstString(node.arguments[0]);
      const base = node.arguments[1] ? this.firstString(node.arguments[1]) : undefined;
      return path !== undefined && base !== undefined && !/^[a-z]+:\/\//i.test(path) ? joinUrl(base, path) : path;
    }
    return this.values.stringValues(expression)?.[0];
  }
}

/**
 * Runs one candidate's analysis; a candidate whose values nest too deeply to follow is
 * skipped rather than failing the whole file (precision over recall).
 */
function guarded(work: () => void): void {
  try {
    work();
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
  }
}

function functionReturnType(statement: ts.ReturnStatement): ts.TypeNode | undefined {
  const fn = findAncestor(statement, (node): node is FunctionLike | ts.GetAccessorDeclaration =>
    ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node) || ts.isMethodDeclaration(node) || ts.isGetAccessorDeclaration(node));
  return fn?.type;
}

/** What a `map` callback returns of its element: `(t) => t.scope`, `({ scope }) => scope`, `function (t) { return t.scope; }`, `(s) => s`. */
function projection(fn: ts.ArrowFunction | ts.FunctionExpression): { key?: string } | undefined {
  const parameter = fn.parameters[0];
  if (!parameter) return undefined;
  let body: ts.Node = fn.body;
  if (ts.isBlock(body)) {
    if (body.statements.length !== 1) return undefined;
    const only = body.statements[0]!;
    if (!ts.isReturnStatement(only) || !only.expression) return undefined;
    body = only.expression;
  }
  while (ts.isParenthesizedExpression(body) || ts.isAsExpression(body) || ts.isNonNullExpression(body)) body = body.expression;
  if (ts.isIdentifier(parameter.name)) {
    const name = parameter.name.text;
    if (ts.isIdentifier(body) && body.text === name) return {};
    if (ts.isPropertyAccessExpression(body) && ts.isIdentifier(body.expression) && body.expression.text === name) return { key: body.name.text };
    return undefined;
  }
  if (ts.isObjectBindingPattern(parameter.name) && ts.isIdentifier(body)) {
    const text = body.text;
    const element = parameter.name.elements.find((candidate) => ts.isIdentifier(candidate.name) && candidate.name.text === text && !candidate.dotDotDotToken);
    if (!element) return undefined;
    return { key: element.propertyName ? propertyNameText(element.propertyName) : text };
  }
  return undefined;
}

function containsLiteral(node: ts.Node): boolean {
  if (ts.isStringLiteralLike(node) || ts.isTemplateExpression(node) || ts.isRegularExpressionLiteral(node)) return true;
  return ts.forEachChild(node, (child) => (containsLiteral(child) ? true : undefined)) ?? false;
}

/** An identifier in a property-name position (`a.NAME`, `{ NAME: 1 }`), not a reference. */
/** Callees that send a user's browser to a URL. */
const NAVIGATION_CALLS = /^(redirect|open|openExternal|openUrl|openURL|openBrowser|assign|replace)$/;

/** `res.redirect(X)`, `open(X)`, `return X`, `location.href = X`: the value goes out as it is. */
function isSendingUse(identifier: ts.Identifier): boolean {
  let node: ts.Node = identifier;
  while (ts.isParenthesizedExpression(node.parent) || ts.isAsExpression(node.parent) || ts.isAwaitExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  if (ts.isReturnStatement(parent)) return true;
  if (ts.isArrowFunction(parent) && parent.body === node) return true;
  if (ts.isCallExpression(parent) && parent.arguments.includes(node as ts.Expression)) {
    const callee = parent.expression;
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
    return NAVIGATION_CALLS.test(name);
  }
  if (ts.isBinaryExpression(parent) && parent.right === node && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    return /(^|\.)(location|href)$/.test(dottedName(parent.left));
  }
  return false;
}

function isConcatOperand(node: ts.Node): boolean {
  let parent = node.parent;
  while (parent && ts.isParenthesizedExpression(parent)) parent = parent.parent;
  return !!parent && ((ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.PlusToken) || ts.isTemplateSpan(parent));
}

function isVariableInitializer(node: ts.Node): boolean {
  return ts.isVariableDeclaration(node.parent) && node.parent.initializer === node;
}

/**
 * Literal text that starts or continues a query string: a '?' that ends the text or opens
 * 'key=', or a 'key=' at the start or after '&' (not the '?' of a question or an 'a = b').
 */
const QUERY_TEXT = /\?(?:$|[\w.%[\]-]*=)|(?:^|&)[\w.%[\]-]+=/;

/** A template or concatenation whose literal parts hold a query string or its start. */
function hasQueryText(node: ts.TemplateExpression | ts.BinaryExpression): boolean {
  if (ts.isTemplateExpression(node)) {
    if (QUERY_TEXT.test(node.head.text)) return true;
    return node.templateSpans.some((span) => QUERY_TEXT.test(span.literal.text));
  }
  const stack: ts.Expression[] = [node];
  while (stack.length) {
    const current = stack.pop()!;
    if (ts.isBinaryExpression(current) && current.operatorToken.kind === ts.SyntaxKind.PlusToken) stack.push(current.left, current.right);
    else if (ts.isParenthesizedExpression(current)) stack.push(current.expression);
    else if (ts.isStringLiteralLike(current) && QUERY_TEXT.test(current.text)) return true;
    else if (ts.isTemplateExpression(current) && hasQueryText(current)) return true;
  }
  return false;
}

function hasMarkerKeys(object: ts.ObjectLiteralExpression): boolean {
  for (const property of object.properties) {
    const key = property.name ? propertyNameText(property.name) : undefined;
    if (key !== undefined && MARKER_KEYS.has(key)) return true;
  }
  return false;
}

/** An object literal that reads as OAuth request parameters (a GitHub code exchange has no grant_type). */
function isOAuthObject(object: ts.ObjectLiteralExpression): boolean {
  let oauthKeys = 0;
  for (const property of object.properties) {
    const key = property.name ? propertyNameText(property.name) : undefined;
    if (key === undefined) continue;
    if (MARKER_KEYS.has(key)) return true;
    if (OAUTH_KEYS.has(key)) oauthKeys++;
  }
  return oauthKeys >= 2;
}

function isStringifyCall(call: ts.CallExpression, values: ValueResolver): boolean {
  const raw = call.expression;
  if (ts.isIdentifier(raw) ? raw.text !== 'stringify' : ts.isPropertyAccessExpression(raw) && raw.name.text !== 'stringify') return false;
  const callee = values.unwrap(raw);
  const name = dottedName(callee);
  if (name === 'JSON.stringify') return false;
  return /(^|\.)(qs|querystring|queryString)\.stringify$/.test(name) || name === 'stringify' && call.arguments.length > 0 && isImportedStringify(callee, values);
}

/** `url.format(urlObject)` (also `require('url').format`, compiled `url_1.format`, `import { format } from 'node:url'`). */
function isUrlFormatCall(call: ts.CallExpression, values: ValueResolver): boolean {
  const raw = call.expression;
  if (ts.isIdentifier(raw) ? raw.text !== 'format' : !(ts.isPropertyAccessExpression(raw) && raw.name.text === 'format')) return false;
  if (call.arguments.length !== 1) return false;
  const callee = values.unwrap(raw);
  if (!ts.isIdentifier(callee) && !ts.isPropertyAccessExpression(callee)) return false;
  const ref = importedFrom(callee, values);
  return !!ref && /^(node:)?url$/.test(ref.module) && ref.path[ref.path.length - 1] === 'format';
}

function isImportedStringify(callee: ts.Expression, values: ValueResolver): boolean {
  if (!ts.isIdentifier(callee) || values.declarationOf(callee)?.kind !== 'import') return false;
  const ref = importedFrom(callee, values);
  return !!ref && /^(node:)?querystring$|^qs$|^query-string$/.test(ref.module);
}

function isUrlSearchParamsNew(node: ts.Node, values: ValueResolver): boolean {
  return ts.isNewExpression(node) && webUrlClass(node, values) === 'URLSearchParams';
}

/**
 * `new URL(…)`/`new URLSearchParams(…)`: the globals, or the same classes imported from Node's 'url'
 * module (`const { URL } = require('url')`, compiled `new url_1.URL(…)`).
 */
function webUrlClass(node: ts.NewExpression, values: ValueResolver): 'URL' | 'URLSearchParams' | undefined {
  const callee = values.unwrap(node.expression);
  if (ts.isIdentifier(callee) && !values.declarationOf(callee)) return callee.text === 'URL' || callee.text === 'URLSearchParams' ? callee.text : undefined;
  if (!ts.isIdentifier(callee) && !ts.isPropertyAccessExpression(callee)) return undefined;
  const ref = importedFrom(callee, values);
  const name = ref && /^(node:)?url$/.test(ref.module) ? ref.path[ref.path.length - 1] : undefined;
  return name === 'URL' || name === 'URLSearchParams' ? name : undefined;
}

function isParameterIdentifier(node: ts.Node, values: ValueResolver): boolean {
  return ts.isIdentifier(node) && values.declarationOf(node)?.kind === 'parameter';
}

function isNothing(node: ts.Expression): boolean {
  return node.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(node) && node.text === 'undefined');
}

const wildcardModules = new Map<string, RegExp>();

/** Whether an import specifier is one of a knowledge record's modules: exact, a subpath, a prefix ending in '/', or a '*' pattern. */
export function moduleMatches(imported: string, module: string): boolean {
  if (module.includes('*')) {
    // `@*/passport-*oauth*`: '*' stands for any characters of one path segment.
    let pattern = wildcardModules.get(module);
    if (!pattern) {
      const body = module.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*');
      wildcardModules.set(module, (pattern = new RegExp(`^${body}$`)));
    }
    return pattern.test(imported);
  }
  if (module.endsWith('/')) return imported.startsWith(module);
  return imported === module || imported.startsWith(`${module}/`);
}

function looksLikeUrl(text: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(text) || text.startsWith('/') || (text.startsWith(UNKNOWN) && /\/[\w.-]+/.test(text));
}

/** Inside a test framework's case or hook (`it(…)`, `test(…)`, `describe(…)`, `beforeEach(…)`). */
function insideTestCase(node: ts.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isCallExpression(current) && ts.isIdentifier(current.expression) && /^(it|test|describe|beforeEach|beforeAll|before|afterEach|afterAll|after)$/.test(current.expression.text)) return true;
  }
  return false;
}

function isTestDoubleArgument(literal: ts.Expression): boolean {
  const call = literal.parent;
  if (!call || !ts.isCallExpression(call) || !call.arguments.includes(literal)) return false;
  const name = ts.isPropertyAccessExpression(call.expression) ? call.expression.name.text : ts.isIdentifier(call.expression) ? call.expression.text : '';
  return /^(expect|to[A-Z]\w*|mock(Resolved|Rejected|Return)Value(Once)?)$/.test(name);
}

/** A configuration key as the key lists spell it: lower case, without '_' and '-'. */
function configKey(key: string): string {
  return key.toLowerCase().replace(/[_-]/g, '');
}

function isAuthorizeEndpoint(endpoint: string): boolean {
  const path = endpointPath(endpoint);
  return !TOKEN_PATHS.some((pattern) => pattern.test(path)) && AUTHORIZE_PATHS.some((pattern) => pattern.test(path));
}

function joinUrl(base: string, path: string): string {
  return base.replace(/\/+$/, '') + '/' + path.replace(/^\/+/, '');
}

function endpointPath(endpoint: string): string {
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*(\/[^?#]*)?/i.exec(endpoint);
  return match ? (match[1] ?? '/') : endpoint.split(/[?#]/)[0]!;
}

/** The provider whose host the URL names. */
function isFunctionLike(node: ts.Node): node is FunctionLike {
  return ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node) || ts.isMethodDeclaration(node);
}

/** `code id_token`, `code token`, `code id_token token` (space- or plus-separated, maybe URL-encoded). */
function isHostWithoutPkce(url: string): boolean {
  const host = /^[a-z][a-z0-9+.-]*:\/\/([^/?#:]+)/i.exec(url)?.[1]?.toLowerCase();
  return host !== undefined && HOSTS_WITHOUT_PKCE.includes(host);
}

function isHybridResponseType(value: string): boolean {
  const parts = safeDecode(value).split(/[\s+]+/);
  return parts.includes('code') && (parts.includes('id_token') || parts.includes('token'));
}

function isSuperCall(call: ts.CallExpression): boolean {
  return call.expression.kind === ts.SyntaxKind.SuperKeyword;
}

export function providerOfUrl(url: string): ScopeProvider | undefined {
  const match = /^[a-z][a-z0-9+.-]*:\/\/([^/?#:]+)/i.exec(url);
  if (!match || match[1]!.includes(UNKNOWN)) return undefined;
  return PROVIDER_HOSTS.find((entry) => entry.host.test(match[1]!))?.provider;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** Splits a scope parameter's value into scopes (space, comma or '+' separated; URL-decoded when encoded). */
export function splitScopes(value: string, encoded: boolean): string[] {
  const decoded = encoded || /%[0-9a-f]{2}/i.test(value) ? safeDecode(value) : value;
  return decoded.split(/[\s,]+/).filter((scope) => scope !== '' && !scope.includes(UNKNOWN));
}

/**
 * The literal that writes a scope, searched from the roots through variables, arrays, joins,
 * templates, concatenation and local helpers, so a finding lands on the line that defines it.
 */
export function locateScopeLiteral(values: ValueResolver, roots: readonly ts.Node[], scope: string): ts.Node | undefined {
  const visited = new Set<ts.Node>();
  const textHas = (text: string): boolean => splitScopes(text.replace(/[&=?]/g, ' '), true).includes(scope) || splitScopes(text, false).includes(scope);
  const search = (node: ts.Node, depth: number): ts.Node | undefined => {
    if (depth > 10 || visited.has(node)) return undefined;
    visited.add(node);
    if (ts.isStringLiteralLike(node)) return textHas(node.text) ? node : undefined;
    if (ts.isTemplateExpression(node)) {
      if (textHas(node.head.text)) return node;
      for (const span of node.templateSpans) {
        const found = search(span.expression, depth + 1);
        if (found) return found;
        if (textHas(span.literal.text)) return span.literal;
      }
      return undefined;
    }
    if (ts.isPropertyAssignment(node)) return search(node.initializer, depth + 1);
    if (ts.isCallExpression(node)) {
      const callee = values.unwrap(node.expression);
      if (ts.isPropertyAccessExpression(callee) && ['join', 'concat', 'toString', 'trim'].includes(callee.name.text)) {
        const found = search(callee.expression, depth + 1);
        if (found) return found;
      }
      for (const argument of node.arguments) {
        const found = search(argument, depth + 1);
        if (found) return found;
      }
      const fn = values.calledFunction(node);
      if (fn) for (const returned of values.returnedExpressions(fn)) {
        const found = search(returned, depth + 1);
        if (found) return found;
      }
      return undefined;
    }
    if (!ts.isExpression(node)) {
      let found: ts.Node | undefined;
      ts.forEachChild(node, (child) => {
        found ??= ts.isExpression(child) ? search(child, depth + 1) : undefined;
      });
      return found;
    }
    const expression = values.unwrap(node);
    if (expression !== node) return search(expression, depth + 1);
    if (ts.isArrayLiteralExpression(expression)) {
      for (const element of expression.elements) {
        const found = search(ts.isSpreadElement(element) ? element.expression : element, depth + 1);
        if (found) return found;
      }
      return undefined;
    }
    if (ts.isBinaryExpression(expression) || ts.isConditionalExpression(expression)) {
      let found: ts.Node | undefined;
      ts.forEachChild(expression, (child) => {
        found ??= ts.isExpression(child) ? search(child, depth + 1) : undefined;
      });
      if (found) return found;
    }
    if (ts.isNewExpression(expression) || ts.isObjectLiteralExpression(expression)) return undefined;
    for (const origin of values.origins(expression)) {
      if (origin === expression) continue;
      const found = search(origin, depth + 1);
      if (found) return found;
    }
    return undefined;
  };
  for (const root of roots) {
    const found = search(root, 0);
    if (found) return found;
  }
  return undefined;
}
