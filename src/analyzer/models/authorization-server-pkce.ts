/**
 * The package's own authorization server, as far as PKCE goes: where it issues authorization
 * codes (and whether the stored code carries the client's `code_challenge`), where its token
 * endpoint redeems them (and whether a `code_verifier` is checked on that path), and the MCP
 * SDK provider option that turns the SDK's own check off. Recognised by shape: an
 * `authorization_code` grant branch, a token route, oauth2orize exchanges, oauth2-server-style
 * model methods, code stores. One answer per flow: a redemption is reported at the outermost
 * in-file handler that reaches it, an issuance at the write that stores the code.
 */
import { ts } from '../engine/typescript.js';
import {
  AUTHORIZATION_CODE_GRANT,
  AUTHORIZATION_RECORD_EVIDENCE,
  AUTHORIZATION_SERVER_TEXT,
  CHALLENGE_EVIDENCE,
  CHALLENGE_VALUE_NAME,
  CODE_GRANT_HANDLER_NAME,
  CODE_KEY,
  CODE_LOOKUP_NAME,
  CODE_READ_METHODS,
  CODE_SAVE_NAME,
  CODE_STORE_RECEIVER,
  CODE_WRITE_METHODS,
  INCOMING_REQUEST_TEXT,
  NOT_AUTHORIZATION_CODE,
  OAUTH2ORIZE_CODE_EXCHANGE,
  OAUTH2ORIZE_CODE_GRANT,
  PKCE_OPT_IN_FLAG,
  PKCE_REQUIRED_CONDITION,
  PKCE_REQUIRED_MESSAGE,
  REQUEST_RECEIVER,
  ROUTE_METHODS,
  SDK_EXCHANGE_METHOD,
  SDK_EXCHANGE_VERIFIER_INDEX,
  SDK_CHALLENGE_METHOD,
  SDK_SKIP_PKCE_OPTION,
  STORED_CHALLENGE_NAME,
  TOKEN_ROUTE_PATH,
  VERIFIER_EVIDENCE,
  VERIFYING_CALL_NAME,
} from '../knowledge/authorization-server.js';

type FunctionNode = ts.FunctionLikeDeclaration;

export interface CodeIssuance {
  /** The write that stores the code: where a reviewer adds the challenge. */
  node: ts.Node;
}

export interface CodeRedemption {
  /** The outermost in-file step of the token endpoint that redeems the code. */
  node: ts.Node;
}

export interface SkippedSdkCheck {
  /** `skipLocalPkceValidation: true`. */
  node: ts.Node;
}

export interface OptionalVerification {
  /** The condition that skips the verifier check when the code carries no challenge. */
  node: ts.Node;
}

export interface OptionalChallenge {
  /** The branch that uses the client's `code_challenge` only when the request carries one. */
  node: ts.Node;
}

export interface AuthorizationServerPkce {
  /** Codes issued without the client's challenge stored anywhere on the issuing path. */
  unboundIssuances: CodeIssuance[];
  /** Verifier checks that run only when a challenge was stored with the code: PKCE is optional. */
  optionalVerifications: OptionalVerification[];
  /** Codes redeemed without a verifier checked anywhere on the redeeming path. */
  unverifiedRedemptions: CodeRedemption[];
  skippedSdkChecks: SkippedSdkCheck[];
  /** Authorization endpoints that take the client's challenge only when it is sent (and accept requests without one). */
  optionalChallenges: OptionalChallenge[];
}

const MAX_CALL_DEPTH = 3;
const MAX_CLIMB = 3;

/** Everything the model needs from one walk of the file. */
class FileIndex {
  readonly functionsByName = new Map<string, FunctionNode[]>();
  readonly callsByName = new Map<string, ts.CallExpression[]>();
  readonly calls: ts.CallExpression[] = [];
  readonly propertyReads: ts.PropertyAccessExpression[] = [];
  readonly grantLiterals: ts.StringLiteralLike[] = [];
  readonly skipOptions: ts.Node[] = [];
  readonly ifStatements: ts.IfStatement[] = [];
  readonly conditionals: ts.ConditionalExpression[] = [];

  constructor(sourceFile: ts.SourceFile) {
    const visit = (node: ts.Node): void => {
      if (ts.isIfStatement(node)) this.ifStatements.push(node);
      else if (ts.isConditionalExpression(node)) this.conditionals.push(node);
      if (ts.isFunctionLike(node) && (node as FunctionNode).body) {
        const name = functionName(node as FunctionNode);
        if (name) push(this.functionsByName, name, node as FunctionNode);
      } else if (ts.isCallExpression(node)) {
        this.calls.push(node);
        const name = calleeName(node.expression);
        if (name) push(this.callsByName, name, node);
      } else if (ts.isPropertyAccessExpression(node)) {
        if (isPassedMethod(node)) this.propertyReads.push(node);
      } else if (ts.isStringLiteralLike(node) && node.text === AUTHORIZATION_CODE_GRANT) {
        this.grantLiterals.push(node);
      } else if ((ts.isPropertyAssignment(node) || ts.isPropertyDeclaration(node)) && propertyName(node.name) === SDK_SKIP_PKCE_OPTION) {
        if (node.initializer?.kind === ts.SyntaxKind.TrueKeyword) this.skipOptions.push(node);
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
}

export function authorizationServerPkce(sourceFile: ts.SourceFile): AuthorizationServerPkce {
  const result: AuthorizationServerPkce = { unboundIssuances: [], optionalVerifications: [], unverifiedRedemptions: [], skippedSdkChecks: [], optionalChallenges: [] };
  const serverText = AUTHORIZATION_SERVER_TEXT.test(sourceFile.text);
  // A request parser or authorize handler on its own may name only the challenge.
  if (!serverText && !/code_?challenge/i.test(sourceFile.text)) return result;
  const index = new FileIndex(sourceFile);
  if (!serverText) {
    if (!index.ifStatements.some((statement) => requiresChallenge(statement) || rejectsForMissingPkce(statement))) result.optionalChallenges.push(...optionalChallenges(index));
    return result;
  }
  const evidence = new Evidence(index);

  // Redemptions: model lookups by name anywhere, and the first store read of each grant region.
  const redemptionSites: { site: ts.Node; region?: ts.Node[] }[] = [];
  for (const call of index.calls) {
    const name = calleeName(call.expression);
    if (name && CODE_LOOKUP_NAME.test(name) && isStoreCall(call.expression) && call.arguments.length > 0) redemptionSites.push({ site: call });
  }
  for (const read of index.propertyReads) {
    if (CODE_LOOKUP_NAME.test(read.name.text) && !isAssignmentTarget(read) && isStoreCall(read)) redemptionSites.push({ site: read });
  }
  const regions = grantRegions(index);
  for (const region of regions) {
    const site = firstStoreRead(region.nodes, region.needsCodeArgument);
    if (site) redemptionSites.push({ site, region: region.nodes });
  }
  // Where a file has grant handlers, a model lookup elsewhere serves another flow (pending states, one-time login codes).
  const served = regions.length > 0 ? evidence.reachable(regions.flatMap((region) => region.nodes)) : undefined;
  const reported = new Set<ts.Node>();
  for (const { site, region } of redemptionSites) {
    if (insideSdkProvider(site)) continue;
    if (!region && served && ![...served].some((node) => isInside(site, node))) continue;
    const { anchor, root } = climbToHandler(site, index);
    if (reported.has(anchor)) continue;
    reported.add(anchor);
    const texts: ts.Node[] = region ? [...region] : [];
    if (root) texts.push(root);
    if (evidence.mentions(texts, VERIFIER_EVIDENCE, root)) continue;
    result.unverifiedRedemptions.push({ node: anchor });
  }

  // Issuances: model saves by name, writes to code stores, writes of a record keyed `code`.
  const issuanceSites: ts.Node[] = [];
  for (const call of index.calls) {
    const name = calleeName(call.expression);
    if (!name) continue;
    if (CODE_SAVE_NAME.test(name)) issuanceSites.push(call);
    else if (CODE_WRITE_METHODS.has(name) && ts.isPropertyAccessExpression(call.expression) && writesAuthorizationCode(call)) issuanceSites.push(call);
  }
  for (const read of index.propertyReads) {
    if (CODE_SAVE_NAME.test(read.name.text) && !isAssignmentTarget(read)) issuanceSites.push(read);
  }
  for (const call of index.calls) {
    if (!OAUTH2ORIZE_CODE_GRANT.test(dotted(call.expression))) continue;
    const issuer = call.arguments.find(isFunction);
    const write = issuer && firstWrite(issuer);
    if (write) issuanceSites.push(write);
  }
  const issued = new Set<ts.Node>();
  for (const site of issuanceSites) {
    if (issued.has(site) || insideSdkProvider(site) || isWrapperCall(site, issuanceSites, index)) continue;
    issued.add(site);
    const owner = enclosingFunction(site);
    if (!owner || !evidence.mentions([site, owner], AUTHORIZATION_RECORD_EVIDENCE, owner)) continue;
    if (evidence.mentions([site, owner], CHALLENGE_EVIDENCE, owner)) continue;
    result.unboundIssuances.push({ node: site });
  }

  // A file whose authorization endpoint rejects requests without a challenge (`if (!code_challenge) return error(…)`)
  // issues no code without one: its token endpoint's conditional check is only a consistency check.
  if (!index.ifStatements.some((statement) => requiresChallenge(statement) || rejectsForMissingPkce(statement))) {
    for (const statement of index.ifStatements) {
      const condition = optionalVerificationCondition(statement);
      if (condition) result.optionalVerifications.push({ node: condition });
    }
    result.optionalChallenges.push(...optionalChallenges(index));
  }

  for (const option of index.skipOptions) {
    if (!exchangeIgnoresVerifier(option)) continue;
    result.skippedSdkChecks.push({ node: option });
  }
  return result;
}

/** Whether the text of the nodes, of the functions they call (a few levels), or of the callers of `owner` matches. */
class Evidence {
  private readonly memo = new Map<ts.Node, Map<RegExp, boolean>>();
  private readonly wordMemo = new Map<ts.Node, string>();
  private readonly calleeMemo = new Map<ts.Node, FunctionNode[]>();
  constructor(private readonly index: FileIndex) {}

  mentions(nodes: readonly ts.Node[], pattern: RegExp, owner: FunctionNode | undefined): boolean {
    const seen = new Set<ts.Node>();
    const queue: [ts.Node, number][] = nodes.map((node) => [node, 0]);
    if (owner) for (const caller of this.callers(owner, 2)) queue.push([caller, 1]);
    while (queue.length > 0) {
      const [node, depth] = queue.shift()!;
      if (seen.has(node)) continue;
      seen.add(node);
      if (this.textMatches(node, pattern)) return true;
      if (depth >= MAX_CALL_DEPTH) continue;
      for (const callee of this.callees(node)) queue.push([callee, depth + 1]);
    }
    return false;
  }

  private textMatches(node: ts.Node, pattern: RegExp): boolean {
    let byPattern = this.memo.get(node);
    if (!byPattern) this.memo.set(node, (byPattern = new Map()));
    let answer = byPattern.get(pattern);
    if (answer === undefined) byPattern.set(pattern, (answer = pattern.test(this.words(node))));
    return answer;
  }

  /** The names and strings of the code (comments are no evidence: 'TODO: PKCE' does not check anything). */
  private words(node: ts.Node): string {
    let words = this.wordMemo.get(node);
    if (words === undefined) {
      const parts: string[] = [];
      const visit = (child: ts.Node): void => {
        if (ts.isIdentifier(child) || ts.isPrivateIdentifier(child) || ts.isStringLiteralLike(child)) parts.push(child.text);
        else if (ts.isTemplateHead(child) || ts.isTemplateMiddle(child) || ts.isTemplateTail(child)) parts.push(child.text);
        else ts.forEachChild(child, visit);
      };
      visit(node);
      this.wordMemo.set(node, (words = parts.join(' ')));
    }
    return words;
  }

  /** The nodes and the in-file functions they call, a few levels deep. */
  reachable(nodes: readonly ts.Node[]): Set<ts.Node> {
    const seen = new Set<ts.Node>();
    let level: ts.Node[] = [...nodes];
    for (let depth = 0; depth <= MAX_CALL_DEPTH && level.length > 0; depth++) {
      const next: ts.Node[] = [];
      for (const node of level) {
        if (seen.has(node)) continue;
        seen.add(node);
        next.push(...this.callees(node));
      }
      level = next;
    }
    return seen;
  }

  /** In-file functions called by name from inside the node. */
  private callees(node: ts.Node): FunctionNode[] {
    const cached = this.calleeMemo.get(node);
    if (cached) return cached;
    const found: FunctionNode[] = [];
    this.calleeMemo.set(node, found);
    const visit = (child: ts.Node): void => {
      if (ts.isCallExpression(child)) {
        const name = calleeName(child.expression);
        if (name) found.push(...(this.index.functionsByName.get(name) ?? []).filter((fn) => fn !== node));
      }
      ts.forEachChild(child, visit);
    };
    visit(node);
    return found;
  }

  /** Functions that call `owner` by its name, up to `depth` levels out. */
  private callers(owner: FunctionNode, depth: number): FunctionNode[] {
    const found: FunctionNode[] = [];
    let level: FunctionNode[] = [owner];
    for (let step = 0; step < depth; step++) {
      const next: FunctionNode[] = [];
      for (const fn of level) {
        const name = functionName(fn);
        for (const call of (name && this.index.callsByName.get(name)) || []) {
          const caller = enclosingFunction(call);
          if (caller && caller !== fn && !found.includes(caller)) next.push(caller);
        }
      }
      found.push(...next);
      level = next;
    }
    return found;
  }
}

interface GrantRegion {
  nodes: ts.Node[];
  /** A token route without a grant branch: only a read keyed by the code counts. */
  needsCodeArgument: boolean;
}

/** The statements that serve the `authorization_code` grant. */
function grantRegions(index: FileIndex): GrantRegion[] {
  const regions: GrantRegion[] = [];
  for (const literal of index.grantLiterals) {
    const parent = literal.parent;
    if (ts.isCaseClause(parent) && parent.expression === literal) {
      regions.push({ nodes: [...parent.statements], needsCodeArgument: false });
      continue;
    }
    if (!ts.isBinaryExpression(parent) || !isEquality(parent.operatorToken.kind)) continue;
    let condition: ts.Node = parent;
    while (ts.isBinaryExpression(condition.parent) && condition.parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) condition = condition.parent;
    while (ts.isParenthesizedExpression(condition.parent)) condition = condition.parent;
    if (ts.isIfStatement(condition.parent) && condition.parent.expression === condition) regions.push({ nodes: [condition.parent.thenStatement], needsCodeArgument: false });
  }
  for (const call of index.calls) {
    const callee = dotted(call.expression);
    if (OAUTH2ORIZE_CODE_EXCHANGE.test(callee)) {
      const exchange = call.arguments.find(isFunction);
      if (exchange) regions.push({ nodes: [exchange], needsCodeArgument: false });
      continue;
    }
    const method = calleeName(call.expression);
    const path = call.arguments[0];
    if (method && ROUTE_METHODS.has(method) && path && ts.isStringLiteralLike(path) && TOKEN_ROUTE_PATH.test(path.text)) {
      for (const handler of call.arguments.filter(isFunction)) regions.push({ nodes: [handler], needsCodeArgument: true });
    }
  }
  for (const [name, functions] of index.functionsByName) {
    // `function AuthorizationCodeGrantType(options)` is a constructor, not the handler.
    if (CODE_GRANT_HANDLER_NAME.test(name) && !/^[A-Z]/.test(name)) for (const fn of functions) regions.push({ nodes: [fn], needsCodeArgument: false });
  }
  return regions;
}

/** The first read of a store (not of the request) in the region, in document order. */
function firstStoreRead(nodes: readonly ts.Node[], needsCodeArgument: boolean): ts.CallExpression | undefined {
  let found: ts.CallExpression | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const name = node.expression.name.text;
      if ((CODE_READ_METHODS.has(name) || CODE_LOOKUP_NAME.test(name)) && isStoreCall(node.expression) && node.arguments.length > 0) {
        const keyed = node.arguments.some((argument) => !ts.isStringLiteralLike(argument));
        if (keyed && (!needsCodeArgument || node.arguments.some(mentionsCodeValue))) {
          found = node;
          return;
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  for (const node of nodes) visit(node);
  return found;
}

/** The first store write inside an oauth2orize code grant's issuer. */
function firstWrite(issuer: ts.Node): ts.CallExpression | undefined {
  let found: ts.CallExpression | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && CODE_WRITE_METHODS.has(node.expression.name.text) && isStoreCall(node.expression)) {
      found = node;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(issuer);
  return found;
}

/** `codes.set(code, …)`, `model.code.create(…)`, `db.auth.create({ code, redirectUri, … })`. */
function writesAuthorizationCode(call: ts.CallExpression): boolean {
  const callee = call.expression as ts.PropertyAccessExpression;
  if (!isStoreCall(callee)) return false;
  if (storesIteratedRecord(call)) return false;
  const receiver = calleeName(callee.expression) ?? '';
  if (NOT_AUTHORIZATION_CODE.test(receiver)) return false;
  if (CODE_STORE_RECEIVER.test(receiver)) return true;
  const first = call.arguments[0];
  if (first && mentionsCodeValue(first) && !ts.isObjectLiteralExpression(first)) return call.arguments.length >= 2;
  return call.arguments.some((argument) => ts.isObjectLiteralExpression(argument) && argument.properties.some((property) => {
    const key = property.name && propertyName(property.name);
    return !!key && CODE_KEY.test(key);
  }));
}

/**
 * `for (const code of state.codes) this.codes.set(code.hash, code)`: a record copied from a
 * collection (state loaded back from a file or database) was issued earlier, not here.
 */
function storesIteratedRecord(call: ts.CallExpression): boolean {
  const stored = call.arguments[call.arguments.length - 1];
  if (!stored || !ts.isIdentifier(stored)) return false;
  for (let node: ts.Node | undefined = call.parent; node && !ts.isFunctionLike(node); node = node.parent) {
    if (!ts.isForOfStatement(node) || !ts.isVariableDeclarationList(node.initializer)) continue;
    if (node.initializer.declarations.some((declaration) => ts.isIdentifier(declaration.name) && declaration.name.text === stored.text)) return true;
  }
  return false;
}

/** A value named like the authorization code: `code`, `authCode`, `` `code:${code}` ``, `params.code`. */
function mentionsCodeValue(node: ts.Node): boolean {
  if (ts.isIdentifier(node)) return CODE_KEY.test(node.text);
  if (ts.isPropertyAccessExpression(node)) return CODE_KEY.test(node.name.text);
  if (ts.isElementAccessExpression(node)) return ts.isStringLiteralLike(node.argumentExpression) && CODE_KEY.test(node.argumentExpression.text);
  if (ts.isTemplateExpression(node)) return node.templateSpans.some((span) => mentionsCodeValue(span.expression));
  if (ts.isBinaryExpression(node)) return mentionsCodeValue(node.left) || mentionsCodeValue(node.right);
  if (ts.isObjectLiteralExpression(node)) {
    return node.properties.some((property) => !!property.name && CODE_KEY.test(propertyName(property.name) ?? ''));
  }
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node)) return mentionsCodeValue(node.expression);
  return false;
}

/** A call (or method reference) on a store, a model or a map: not on the request, not a bare `this.helper()`. */
function isStoreCall(callee: ts.Expression): boolean {
  if (!ts.isPropertyAccessExpression(callee)) return false;
  // `this.getAuthorizationCode = this.getAuthorizationCode.bind(this)` reads nothing; `store.get.call(store, code)` reads through `store.get`.
  if (callee.name.text === 'bind' && ts.isPropertyAccessExpression(callee.expression)) return false;
  if (FUNCTION_CALLERS.has(callee.name.text) && ts.isPropertyAccessExpression(callee.expression)) return isStoreCall(callee.expression);
  const receiver = callee.expression;
  if (receiver.kind === ts.SyntaxKind.ThisKeyword) return false;
  if (ts.isIdentifier(receiver) && receiver.text === 'self') return false;
  return !REQUEST_RECEIVER.test(dotted(receiver));
}

/**
 * From the step that reads the code out to the handler a reviewer would change: while the
 * function around the anchor is called by name elsewhere in the file, the anchor moves to that call.
 */
function climbToHandler(site: ts.Node, index: FileIndex): { anchor: ts.Node; root: FunctionNode | undefined } {
  let anchor = site;
  let root = enclosingFunction(site);
  for (let step = 0; step < MAX_CLIMB && root; step++) {
    const name = functionName(root);
    if (!name || CODE_GRANT_HANDLER_NAME.test(name)) break;
    const isMethod = !ts.isFunctionDeclaration(root) && !ts.isVariableDeclaration(root.parent);
    const outer = (index.callsByName.get(name) ?? []).find((call) => !isInside(call, root!) && callsAsMethod(call) === isMethod);
    const caller = outer && enclosingFunction(outer);
    if (!outer || !caller) break;
    anchor = outer;
    root = caller;
  }
  return { anchor, root };
}

/** A call of an in-file function that itself holds another of the sites: the inner write is the one to change. */
function isWrapperCall(site: ts.Node, sites: readonly ts.Node[], index: FileIndex): boolean {
  const name = ts.isCallExpression(site) ? calleeName(site.expression) : ts.isPropertyAccessExpression(site) ? site.name.text : undefined;
  if (!name) return false;
  const targets = index.functionsByName.get(name) ?? [];
  return targets.some((fn) => sites.some((other) => other !== site && isInside(other, fn)));
}

/** Inside a method of an MCP SDK `OAuthServerProvider`, whose token handler checks PKCE itself. */
function insideSdkProvider(node: ts.Node): boolean {
  for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) {
    if (providerMembers(fn)?.has(SDK_CHALLENGE_METHOD)) return true;
  }
  return false;
}

/** The member names of the class or object literal a method belongs to. */
function providerMembers(member: ts.Node): Set<string> | undefined {
  let container: ts.Node | undefined = member.parent;
  if (container && ts.isPropertyAssignment(container)) container = container.parent;
  if (!container || !(ts.isClassLike(container) || ts.isObjectLiteralExpression(container))) return undefined;
  const members = ts.isClassLike(container) ? container.members : container.properties;
  const names = new Set<string>();
  for (const element of members) {
    const name = element.name && propertyName(element.name);
    if (name) names.add(name);
  }
  return names;
}

/** `skipLocalPkceValidation: true` beside an `exchangeAuthorizationCode` that never reads its verifier parameter. */
function exchangeIgnoresVerifier(option: ts.Node): boolean {
  const container = option.parent;
  if (!container || !(ts.isClassLike(container) || ts.isObjectLiteralExpression(container))) return false;
  const members = ts.isClassLike(container) ? [...container.members] : [...container.properties];
  for (const member of members) {
    if (!member.name || propertyName(member.name) !== SDK_EXCHANGE_METHOD) continue;
    const fn = ts.isPropertyAssignment(member) || ts.isPropertyDeclaration(member) ? member.initializer : member;
    if (!fn || !(isFunction(fn) || ts.isMethodDeclaration(fn)) || !fn.body) return false;
    const verifier = fn.parameters[SDK_EXCHANGE_VERIFIER_INDEX];
    if (!verifier) return true;
    if (!ts.isIdentifier(verifier.name)) return false;
    return !usesName(fn.body, verifier.name.text);
  }
  return false;
}

function usesName(node: ts.Node, name: string): boolean {
  let used = false;
  const visit = (child: ts.Node): void => {
    if (used) return;
    if (ts.isIdentifier(child) && child.text === name) used = true;
    else ts.forEachChild(child, visit);
  };
  visit(node);
  return used;
}

function isEquality(kind: ts.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.EqualsEqualsEqualsToken || kind === ts.SyntaxKind.EqualsEqualsToken;
}

function isFunction(node: ts.Node): node is ts.FunctionExpression | ts.ArrowFunction {
  return ts.isFunctionExpression(node) || ts.isArrowFunction(node);
}

function isInside(node: ts.Node, container: ts.Node): boolean {
  return node.pos >= container.pos && node.end <= container.end && node !== container;
}

function isAssignmentTarget(node: ts.Node): boolean {
  const parent = node.parent;
  return ts.isBinaryExpression(parent) && parent.left === node && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken;
}

function enclosingFunction(node: ts.Node): FunctionNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isFunctionLike(current) && (current as FunctionNode).body) return current as FunctionNode;
  }
  return undefined;
}

/** A function's name: declared, or the variable, property or member it is assigned to (`X.prototype.handle = function`). */
function functionName(fn: FunctionNode): string | undefined {
  if (fn.name && (ts.isIdentifier(fn.name) || ts.isStringLiteral(fn.name))) return fn.name.text;
  const parent = fn.parent;
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if ((ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && parent.initializer === fn) return propertyName(parent.name);
  if (ts.isBinaryExpression(parent) && parent.right === fn && ts.isPropertyAccessExpression(parent.left)) return parent.left.name.text;
  return undefined;
}

/** The called function's name; `fn.call(this, …)`, `fn.apply(…)` and `fn.bind(…)` call `fn`. */
function calleeName(expression: ts.Expression): string | undefined {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression)) {
    if (FUNCTION_CALLERS.has(expression.name.text) && (ts.isIdentifier(expression.expression) || ts.isPropertyAccessExpression(expression.expression))) return calleeName(expression.expression);
    return expression.name.text;
  }
  return undefined;
}

const FUNCTION_CALLERS = new Set(['call', 'apply', 'bind']);

/** `x.name(…)` or `x.name.call(…)` call a method; `name(…)` calls a function. */
function callsAsMethod(call: ts.CallExpression): boolean {
  let callee = call.expression;
  if (ts.isPropertyAccessExpression(callee) && FUNCTION_CALLERS.has(callee.name.text)) callee = callee.expression;
  return ts.isPropertyAccessExpression(callee);
}

/** A method handed on to be called (`promisify(this.model.getAuthorizationCode, 1)`), not tested for presence. */
function isPassedMethod(node: ts.PropertyAccessExpression): boolean {
  const parent = node.parent;
  return ts.isCallExpression(parent) && parent.expression !== node && parent.arguments.includes(node);
}

function propertyName(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isPrivateIdentifier(name)) return name.text;
  return undefined;
}

function dotted(expression: ts.Expression): string {
  if (ts.isIdentifier(expression)) return expression.text;
  if (expression.kind === ts.SyntaxKind.ThisKeyword) return 'this';
  if (ts.isPropertyAccessExpression(expression)) return `${dotted(expression.expression)}.${expression.name.text}`;
  if (ts.isCallExpression(expression)) return `${dotted(expression.expression)}()`;
  return '';
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * `if (code.codeChallenge) { …verify code_verifier… }` with no `else` that rejects, and
 * `if (isPkceEnabled && !verifyPKCE(challenge, method, body.code_verifier))` where `isPkceEnabled`
 * tests the stored challenge: the token endpoint checks a verifier only for codes issued with a
 * challenge, so a code issued without one is redeemed with no PKCE at all. Returns the test.
 */
function optionalVerificationCondition(statement: ts.IfStatement): ts.Expression | undefined {
  let condition = statement.expression;
  while (ts.isParenthesizedExpression(condition)) condition = condition.expression;
  if (ts.isBinaryExpression(condition) && condition.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) {
    // `challengePresent && !verify(…code_verifier…)`: the check itself is the right operand.
    if (!testsStoredChallenge(condition.left) || !checksVerifier(condition.right)) return undefined;
    return condition;
  }
  if (!testsStoredChallenge(condition) || !checksVerifier(statement.thenStatement)) return undefined;
  // An `else` that rejects on its own (`else throw …`, `else return error(…)`) makes PKCE required.
  const otherwise = statement.elseStatement;
  if (otherwise && rejectsUnconditionally(otherwise)) return undefined;
  return condition;
}

/** `if (!code_challenge) { return sendError(…) }`, `if (codeChallenge === undefined) throw …`: a challenge is required. */
function requiresChallenge(statement: ts.IfStatement): boolean {
  let condition = statement.expression;
  while (ts.isParenthesizedExpression(condition)) condition = condition.expression;
  // `!a || !b` and `!code_challenge || method !== 'S256'`: any operand that tests for a missing challenge.
  const operands: ts.Expression[] = [];
  const collect = (node: ts.Expression): void => {
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.BarBarToken) {
      collect(node.left);
      collect(node.right);
    } else operands.push(node);
  };
  collect(condition);
  const testsMissing = operands.some((operand) => {
    if (ts.isPrefixUnaryExpression(operand) && operand.operator === ts.SyntaxKind.ExclamationToken) return testsStoredChallenge(operand.operand);
    return ts.isBinaryExpression(operand) && [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken].includes(operand.operatorToken.kind) &&
      (isNothingLiteral(operand.right) ? testsStoredChallenge(operand.left) : isNothingLiteral(operand.left) && testsStoredChallenge(operand.right));
  });
  return testsMissing && rejectsUnconditionally(statement.thenStatement);
}

/** The authorization endpoint's side of optional PKCE: `if (req.query.code_challenge) { store or forward it }`, nothing when absent. One per function. */
function optionalChallenges(index: FileIndex): OptionalChallenge[] {
  const found: OptionalChallenge[] = [];
  const seenFunctions = new Set<ts.Node | undefined>();
  const candidates: ts.Node[] = [...index.ifStatements, ...index.conditionals].sort((a, b) => a.pos - b.pos);
  for (const branch of candidates) {
    if (!usesRequestChallengeOnlyWhenSent(branch) || insideSdkProvider(branch)) continue;
    const owner = enclosingFunction(branch);
    if (seenFunctions.has(owner)) continue;
    seenFunctions.add(owner);
    found.push({ node: branch });
  }
  return found;
}

/**
 * `if (authRequest.code_challenge) authUrl.searchParams.set('code_challenge', …)`, `pkce: code_challenge ? {…} : undefined`:
 * the authorization endpoint takes the challenge the client's request carries only when there is one, and
 * otherwise goes on without PKCE (no `else` that rejects). Token-endpoint checks of a stored challenge are not this.
 */
function usesRequestChallengeOnlyWhenSent(branch: ts.Node): boolean {
  if (ts.isIfStatement(branch)) {
    if (!conditionOperands(branch.expression).some(testsRequestChallenge)) return false;
    if (checksVerifier(branch.thenStatement)) return false;
    if (branch.elseStatement && rejectsUnconditionally(branch.elseStatement)) return false;
    return mentionsChallengeValue(branch.thenStatement);
  }
  if (ts.isConditionalExpression(branch)) {
    let otherwise: ts.Expression = branch.whenFalse;
    while (ts.isParenthesizedExpression(otherwise)) otherwise = otherwise.expression;
    return isNothingLiteral(otherwise) && conditionOperands(branch.condition).some(testsRequestChallenge) && mentionsChallengeValue(branch.whenTrue);
  }
  return false;
}

function conditionOperands(condition: ts.Expression): ts.Expression[] {
  let node = condition;
  while (ts.isParenthesizedExpression(node)) node = node.expression;
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return [...conditionOperands(node.left), ...conditionOperands(node.right)];
  return [node];
}

/** `code_challenge`, `req.query.code_challenge`, `!!x.codeChallenge`, `x.code_challenge !== undefined`, where the value is read from the incoming request. */
function testsRequestChallenge(operand: ts.Expression): boolean {
  let node = operand;
  while (ts.isParenthesizedExpression(node)) node = node.expression;
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) {
    const inner = node.operand;
    return ts.isPrefixUnaryExpression(inner) && inner.operator === ts.SyntaxKind.ExclamationToken && testsRequestChallenge(inner.operand);
  }
  if (ts.isBinaryExpression(node) && [ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken].includes(node.operatorToken.kind)) {
    const other = isNothingLiteral(node.right) ? node.left : isNothingLiteral(node.left) ? node.right : undefined;
    return !!other && testsRequestChallenge(other);
  }
  const name = ts.isIdentifier(node) ? node.text : ts.isPropertyAccessExpression(node) ? node.name.text : undefined;
  return name !== undefined && CHALLENGE_VALUE_NAME.test(name) && readFromRequest(node, 0);
}

/** Whether a challenge value comes from the incoming request (followed through local variables, object literals and `||` defaults). */
function readFromRequest(expression: ts.Expression, depth: number): boolean {
  if (depth > 4) return false;
  let node = expression;
  while (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node)) node = node.expression;
  if (ts.isBinaryExpression(node) && [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(node.operatorToken.kind)) return readFromRequest(node.left, depth + 1);
  if (ts.isCallExpression(node)) {
    // `url.searchParams.get('code_challenge')`, `c.req.query('code_challenge')`
    const key = node.arguments[0];
    return ts.isPropertyAccessExpression(node.expression) && ['get', 'query', 'param', 'getAll'].includes(node.expression.name.text) &&
      !!key && ts.isStringLiteralLike(key) && CHALLENGE_VALUE_NAME.test(key.text);
  }
  if (ts.isPropertyAccessExpression(node)) {
    const receiver = node.expression;
    if (INCOMING_REQUEST_TEXT.test(receiverText(receiver))) return true;
    if (!ts.isIdentifier(receiver)) return false;
    const initializer = localInitializer(receiver);
    if (!initializer) return false;
    let origin: ts.Expression = initializer;
    while (ts.isParenthesizedExpression(origin)) origin = origin.expression;
    if (ts.isObjectLiteralExpression(origin)) {
      const property = origin.properties.find((candidate) => candidate.name && propertyName(candidate.name) === node.name.text);
      if (property && ts.isPropertyAssignment(property)) return readFromRequest(property.initializer, depth + 1);
      if (property && ts.isShorthandPropertyAssignment(property)) return readFromRequest(property.name, depth + 1);
      return false;
    }
    return INCOMING_REQUEST_TEXT.test(receiverText(origin));
  }
  if (ts.isIdentifier(node)) {
    const initializer = localInitializer(node);
    if (!initializer) return false;
    // `const { code_challenge } = req.query`: the destructured object is the request.
    return readFromRequest(initializer, depth + 1) || INCOMING_REQUEST_TEXT.test(receiverText(initializer));
  }
  return false;
}

function receiverText(expression: ts.Expression): string {
  let node = expression;
  while (ts.isParenthesizedExpression(node) || ts.isAwaitExpression(node)) node = node.expression;
  return ts.isIdentifier(node) || ts.isPropertyAccessExpression(node) || ts.isCallExpression(node) ? dotted(node) : '';
}

/** The initializer of a variable declared in the same function (or a binding destructured from it). */
function localInitializer(identifier: ts.Identifier): ts.Expression | undefined {
  const owner = enclosingFunction(identifier);
  let found: ts.Expression | undefined;
  const binds = (name: ts.BindingName): boolean => {
    if (ts.isIdentifier(name)) return name.text === identifier.text;
    return name.elements.some((element) => !ts.isOmittedExpression(element) && binds(element.name));
  };
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isVariableDeclaration(node) && node.initializer && node.pos < identifier.pos && binds(node.name)) {
      found = node.initializer;
      return;
    }
    if (node !== owner && ts.isFunctionLike(node)) return;
    ts.forEachChild(node, visit);
  };
  const body = owner?.body ?? identifier.getSourceFile();
  visit(body);
  return found;
}

/** The branch uses a challenge value (stores, forwards or records it). */
function mentionsChallengeValue(node: ts.Node): boolean {
  let found = false;
  const visit = (child: ts.Node): void => {
    if (found) return;
    if ((ts.isIdentifier(child) || ts.isStringLiteralLike(child)) && CHALLENGE_VALUE_NAME.test(child.text)) found = true;
    else ts.forEachChild(child, visit);
  };
  visit(node);
  return found;
}

/**
 * `if (client.tokenEndpointAuthMethod === 'none') throw new Error('Public clients must use PKCE')`: a branch that
 * rejects with a message saying PKCE is required (for all clients or for public ones, as OAuth 2.1 asks).
 */
function rejectsForMissingPkce(statement: ts.IfStatement): boolean {
  if (!rejectsUnconditionally(statement.thenStatement)) return false;
  // `if (this.config.requirePkce && !code_challenge)`: required only when someone opts in, so optional by default.
  if (PKCE_OPT_IN_FLAG.test(statement.expression.getText())) return false;
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || (ts.isFunctionLike(node) && node !== statement.thenStatement)) return;
    if (ts.isStringLiteralLike(node) && PKCE_REQUIRED_MESSAGE.test(node.text) && !PKCE_REQUIRED_CONDITION.test(node.text)) found = true;
    else ts.forEachChild(node, visit);
  };
  visit(statement.thenStatement);
  return found;
}

/** `x.codeChallenge`, `codeChallenge`, `x.code_challenge !== undefined`, or a constant initialised with such a test. */
function testsStoredChallenge(expression: ts.Expression, depth = 0): boolean {
  let node = expression;
  while (ts.isParenthesizedExpression(node)) node = node.expression;
  if (ts.isPropertyAccessExpression(node)) return STORED_CHALLENGE_NAME.test(node.name.text);
  if (ts.isElementAccessExpression(node)) return ts.isStringLiteralLike(node.argumentExpression) && STORED_CHALLENGE_NAME.test(node.argumentExpression.text);
  if (ts.isIdentifier(node)) {
    if (STORED_CHALLENGE_NAME.test(node.text)) return true;
    const initializer = depth < 2 ? constInitializer(node) : undefined;
    return !!initializer && testsStoredChallenge(initializer, depth + 1);
  }
  if (ts.isBinaryExpression(node) && [ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken].includes(node.operatorToken.kind)) {
    const other = isNothingLiteral(node.right) ? node.left : isNothingLiteral(node.left) ? node.right : undefined;
    return !!other && testsStoredChallenge(other, depth);
  }
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) {
    // `!!code.codeChallenge`
    const inner = node.operand;
    return ts.isPrefixUnaryExpression(inner) && inner.operator === ts.SyntaxKind.ExclamationToken && testsStoredChallenge(inner.operand, depth);
  }
  return false;
}

function isNothingLiteral(node: ts.Expression): boolean {
  return node.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(node) && node.text === 'undefined') || ts.isVoidExpression(node);
}

/** The initializer of a `const` in the same function (`const isPkceEnabled = code.code_challenge !== undefined`). */
function constInitializer(identifier: ts.Identifier): ts.Expression | undefined {
  const owner = enclosingFunction(identifier);
  let found: ts.Expression | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === identifier.text && node.initializer &&
        ts.isVariableDeclarationList(node.parent) && (node.parent.flags & ts.NodeFlags.Const) !== 0) {
      found = node.initializer;
      return;
    }
    if (node !== owner && ts.isFunctionLike(node)) return;
    ts.forEachChild(node, visit);
  };
  if (owner?.body) visit(owner.body);
  return found;
}

/** Names the verifier and checks something: a throw, a comparison, or a verifying call. */
function checksVerifier(node: ts.Node): boolean {
  let mentions = false;
  let checks = false;
  const visit = (child: ts.Node): void => {
    if (ts.isFunctionLike(child) && child !== node) return;
    if ((ts.isIdentifier(child) || ts.isStringLiteralLike(child)) && /code_?verifier/i.test(child.text)) mentions = true;
    if (ts.isThrowStatement(child)) checks = true;
    if (ts.isBinaryExpression(child) && [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken,
      ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken].includes(child.operatorToken.kind)) checks = true;
    if (ts.isCallExpression(child) && VERIFYING_CALL_NAME.test(calleeName(child.expression) ?? '')) checks = true;
    ts.forEachChild(child, visit);
  };
  visit(node);
  return mentions && checks;
}

/** A statement that throws or returns on every path through its top level (`else { throw … }`, `else return res.status(400)…`). */
function rejectsUnconditionally(statement: ts.Statement): boolean {
  const statements = ts.isBlock(statement) ? statement.statements : [statement];
  return statements.some((child) => ts.isThrowStatement(child) || ts.isReturnStatement(child));
}
