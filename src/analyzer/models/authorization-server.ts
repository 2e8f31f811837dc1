import { ts } from '../engine/typescript.js';
import type { ValueResolver } from '../engine/values.js';
import type { RuleVisitors } from '../engine/rule-module.js';
import { dottedName, findAncestor, functionName } from '../engine/values.js';
import { propertyNameText } from '../engine/walk.js';
import { importedFrom } from '../engine/modules.js';
import {
  ACCESS_TOKEN_KEYS,
  ACTIVE_FLAG_NAMES,
  CLIENT_REFRESH_METHODS,
  CLIENT_TYPE_CONDITION,
  FAMILY_REVOCATION_NAME,
  FAMILY_SQL,
  FAMILY_WORDS,
  FLAG_WRITE_METHODS,
  GENERATED_NOUNS,
  GENERATOR_NAMES,
  GENERATOR_VERBS,
  INVALIDATE_METHODS,
  INVALIDATE_NAME,
  DELETING_SQL,
  INVALIDATING_SQL_COLUMNS,
  REPLACING_UPDATE_METHODS,
  SQL_SET_CLAUSE,
  LOOKUP_METHOD,
  RECORD_CONTAINER_KEYS,
  RECORD_IDENTITY_KEYS,
  RECORD_TOKEN_KEYS,
  REFRESH_TOKEN_KEYS,
  REVOCATION_FLAG_WORDS,
  REVOKED_STATUS_VALUES,
  SDK_REFRESH_METHOD,
  SDK_REFRESH_TOKEN_PARAMETER_INDEX,
} from '../knowledge/refresh-handlers.js';
import { splitWords } from './credentials.js';
import type { Severity } from '../types.js';

/** What is wrong with a refresh handler; the rule has one message per verdict. */
export type RefreshVerdictKind = 'sameTokenReturned' | 'noRefreshTokenReturned' | 'oldTokenStaysValid' | 'noReuseDetection';

export interface RefreshVerdict {
  kind: RefreshVerdictKind;
  node: ts.Node;
  /** How messages name the handler, and the presented token when the verdict is about it. */
  data: { handler: string; token?: string };
  /** Set where the verdict is weaker than the rule's default (confidential clients, reuse detection). */
  severity?: Severity;
}

/** What the authorization-server model needs of a file and of the project's options. */
export interface AuthorizationServerContext {
  values: ValueResolver;
  config: { clientTypes: 'public' | 'confidential' | 'both' };
  verdict(verdict: RefreshVerdict): void;
}
type FunctionNode = ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction | ts.MethodDeclaration;

/**
 * What a value is, seen from a refresh handler: the refresh token the client presented, the
 * request that carries it, the stored record looked up by it (and that record's identity or
 * other fields), a freshly generated token, or an upstream provider's token response.
 */
type Role = 'presented' | 'request' | 'record' | 'identity' | 'field' | 'fresh' | 'upstream' | 'unknown';

/** A recognised refresh-token grant handler. */
interface Handler {
  /** How messages name it: "'exchangeRefreshToken'" or "The 'refresh_token' grant in 'POST /token'". */
  label: string;
  /** Where the missing reuse detection is reported. */
  nameNode: ts.Node;
  /** The function whose returns answer the request. */
  owner: FunctionNode;
  /** The statements that serve the grant (the whole body, or one `case`/`if` branch). */
  region: readonly ts.Node[];
  presentedParameter?: ts.ParameterDeclaration;
  requestParameter?: ts.ParameterDeclaration;
  /** oauth2orize: the callback that answers, `done(error, accessToken, refreshToken, params)`. */
  doneParameter?: ts.ParameterDeclaration;
  /** Found by name only: must also look the token up, mint an access token and never call out. */
  byName: boolean;
}

interface TokenResponse {
  statement: ts.Node;
  /** The refresh-token values the response may carry; empty when it carries none. */
  refreshValues: ts.Expression[];
  hasAccessToken: boolean;
}

const MAX_HELPER_DEPTH = 3;
/** `oauth2orize.exchange.refreshToken(…)`, `exchange.refreshToken(…)`. */
const OAUTH2ORIZE_REFRESH_EXCHANGE = /(^|\.)exchange\.refresh_?token$/i;
const MAX_ROLE_DEPTH = 14;
const GRANT_TYPE_NAMES = /^(grant_?type|grantType)$/i;
/** A test of a stored token's state that a replay would trip: revoked, used, rotated, consumed. */
const REPLAY_FLAG = /revok|\bused|_used|Used|rotat|consum|invalidat/;

/**
 * The refresh-token grant handlers an authorization server implements (MCP SDK providers'
 * `exchangeRefreshToken`, token routes' `refresh_token` branches of any framework, oauth2orize
 * exchanges), each judged: does it issue a new refresh token, invalidate the presented one, and
 * revoke the family on reuse? Verdicts go to `context.verdict`; the rule words them.
 */
export function refreshHandlerVisitors(context: AuthorizationServerContext): RuleVisitors {
    const analysed = new Set<string>();
    const reported = new Set<string>();
    const analyse = (handler: Handler) => {
      const key = `${handler.owner.pos}:${handler.region[0]?.pos ?? 0}`;
      if (analysed.has(key)) return;
      analysed.add(key);
      new HandlerAnalysis(context, handler, reported).run();
    };
    const visitFunction = (fn: FunctionNode) => {
      const handler = handlerFromFunction(fn);
      if (handler) analyse(handler);
    };
    const visitLiteral = (literal: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral) => {
      if (literal.text !== 'refresh_token') return;
      const handler = handlerFromGrantComparison(literal, context);
      if (handler) analyse(handler);
      // `const REFRESH_GRANT = 'refresh_token'`, `enum GrantType { RefreshToken = 'refresh_token' }`: the comparisons with it.
      for (const reference of grantConstantComparisons(literal, context)) {
        const viaConstant = handlerFromGrantComparison(reference, context);
        if (viaConstant) analyse(viaConstant);
      }
    };
    // `case GrantType.RefreshToken:` with the enum imported from elsewhere.
    const visitCase = (clause: ts.CaseClause) => {
      if (ts.isStringLiteralLike(clause.expression) || !isRefreshGrantConstant(clause.expression, context)) return;
      const handler = handlerFromGrantComparison(clause.expression, context);
      if (handler) analyse(handler);
    };
    return {
      [ts.SyntaxKind.CaseClause]: visitCase,
      [ts.SyntaxKind.MethodDeclaration]: visitFunction,
      [ts.SyntaxKind.FunctionDeclaration]: visitFunction,
      [ts.SyntaxKind.FunctionExpression]: visitFunction,
      [ts.SyntaxKind.ArrowFunction]: visitFunction,
      [ts.SyntaxKind.StringLiteral]: visitLiteral,
      [ts.SyntaxKind.NoSubstitutionTemplateLiteral]: visitLiteral,
    };
}

/** `exchangeRefreshToken(client, refreshToken, …)` implementations, and functions named for refreshing that take a refresh token. */
function handlerFromFunction(fn: FunctionNode): Handler | undefined {
  if (!fn.body) return undefined;
  const exchange = oauth2orizeRefreshExchange(fn);
  if (exchange) return exchange;
  const name = functionName(fn);
  if (!name || !/refresh/i.test(name)) return undefined;
  const parent = fn.parent;
  const nameNode = !ts.isArrowFunction(fn) && fn.name
    ? fn.name
    : parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) ? parent.name : fn;
  const region = [fn.body];
  if (name === SDK_REFRESH_METHOD) {
    const parameter = fn.parameters[SDK_REFRESH_TOKEN_PARAMETER_INDEX];
    if (!parameter || !ts.isIdentifier(parameter.name)) return undefined;
    return { label: `'${name}'`, nameNode, owner: fn, region, presentedParameter: parameter, byName: false };
  }
  const words = splitWords(name);
  if (!words.includes('refresh')) return undefined;
  const parameter = fn.parameters.find((candidate) => ts.isIdentifier(candidate.name) && isPresentedTokenName(candidate.name.text));
  if (!parameter) return undefined;
  return { label: `'${name}'`, nameNode, owner: fn, region, presentedParameter: parameter, byName: true };
}

/** oauth2orize's `exchange.refreshToken((client, refreshToken, scope, done) => …)`: the callback serves the grant. */
function oauth2orizeRefreshExchange(fn: FunctionNode): Handler | undefined {
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return undefined;
  const call = fn.parent;
  if (!call || !ts.isCallExpression(call) || !call.arguments.includes(fn) || !OAUTH2ORIZE_REFRESH_EXCHANGE.test(dottedName(call.expression))) return undefined;
  const presented = fn.parameters[1];
  const done = fn.parameters[fn.parameters.length - 1];
  if (!presented || !ts.isIdentifier(presented.name) || !done || done === presented || !ts.isIdentifier(done.name)) return undefined;
  return { label: "The 'exchange.refreshToken' callback", nameNode: call.expression, owner: fn, region: [fn.body], presentedParameter: presented, doneParameter: done, byName: false };
}

/** Comparisons (and `case` labels) that use a constant holding 'refresh_token', found from the literal that defines it. */
function grantConstantComparisons(literal: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral, context: AuthorizationServerContext): ts.Expression[] {
  const holder = literal.parent;
  let matches: ((node: ts.Expression) => boolean) | undefined;
  if (ts.isVariableDeclaration(holder) && holder.initializer === literal && ts.isIdentifier(holder.name)) {
    matches = (node) => ts.isIdentifier(node) && node.text === (holder.name as ts.Identifier).text && context.values.declarationOf(node)?.node === holder;
  } else if ((ts.isEnumMember(holder) || ts.isPropertyAssignment(holder)) && holder.initializer === literal) {
    const member = propertyNameText(holder.name);
    const owner = ts.isEnumMember(holder) ? holder.parent.name : ts.isVariableDeclaration(holder.parent.parent) ? holder.parent.parent.name : undefined;
    if (member === undefined || !owner || !ts.isIdentifier(owner)) return [];
    matches = (node) => (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) && context.values.memberName(node) === member &&
      ts.isIdentifier(node.expression) && node.expression.text === owner.text;
  }
  if (!matches) return [];
  const found: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isBinaryExpression(node) && isEqualityOperator(node.operatorToken.kind)) {
      if (matches!(node.left)) found.push(node.left);
      else if (matches!(node.right)) found.push(node.right);
    } else if (ts.isCaseClause(node) && matches!(node.expression)) found.push(node.expression);
    ts.forEachChild(node, visit);
  };
  visit(literal.getSourceFile());
  return found;
}

/** `GrantType.RefreshToken`, `GRANT_TYPES.REFRESH_TOKEN`, or a name whose value is 'refresh_token'. */
function isRefreshGrantConstant(expression: ts.Expression, context: AuthorizationServerContext): boolean {
  const node = context.values.unwrap(expression);
  if (!ts.isIdentifier(node) && !ts.isPropertyAccessExpression(node)) return false;
  const values = context.values.stringValues(node);
  if (values) return values.length === 1 && values[0] === 'refresh_token';
  // Imported enums and constant objects: the names say it.
  return ts.isPropertyAccessExpression(node) && /^refresh_?token$/i.test(node.name.text) && /grant/i.test(dottedName(node.expression));
}

function isEqualityOperator(kind: ts.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.EqualsEqualsEqualsToken || kind === ts.SyntaxKind.EqualsEqualsToken ||
    kind === ts.SyntaxKind.ExclamationEqualsEqualsToken || kind === ts.SyntaxKind.ExclamationEqualsToken;
}

/** 'refreshToken', 'refresh_token', 'oldRefreshToken', 'incomingRefreshToken', 'rt'; not 'newRefreshToken' or 'upstreamRefreshToken'. */
function isPresentedTokenName(name: string): boolean {
  if (/^rt$/i.test(name)) return true;
  const words = splitWords(name);
  if (!words.includes('refresh') || !words.includes('token')) return false;
  return !words.some((word) => ['new', 'next', 'rotated', 'upstream', 'provider', 'external', 'hash', 'hashed', 'expires', 'ttl', 'lifetime', 'id'].includes(word));
}

/**
 * `case 'refresh_token':` on a grant type, `if (grant_type === 'refresh_token') {…}` and
 * `if (body.grant_type !== 'refresh_token') return …;` followed by the grant.
 */
function handlerFromGrantComparison(literal: ts.Expression, context: AuthorizationServerContext): Handler | undefined {
  const parent = literal.parent;
  let region: ts.Node[] | undefined;
  let anchor: ts.Node = literal;
  if (ts.isCaseClause(parent) && parent.expression === literal) {
    const switchStatement = parent.parent.parent;
    if (!isGrantTypeExpression(switchStatement.expression, context)) return undefined;
    region = [...parent.statements];
    anchor = switchStatement;
  } else if (ts.isBinaryExpression(parent) && parent.operatorToken.kind !== ts.SyntaxKind.EqualsToken) {
    const operator = parent.operatorToken.kind;
    const other = parent.left === literal ? parent.right : parent.left;
    if (!isGrantTypeExpression(other, context)) return undefined;
    const equal = operator === ts.SyntaxKind.EqualsEqualsEqualsToken || operator === ts.SyntaxKind.EqualsEqualsToken;
    const notEqual = operator === ts.SyntaxKind.ExclamationEqualsEqualsToken || operator === ts.SyntaxKind.ExclamationEqualsToken;
    if (!equal && !notEqual) return undefined;
    // Climb `a && b` chains and parentheses to the `if` whose condition this is.
    let condition: ts.Node = parent;
    while (
      ts.isParenthesizedExpression(condition.parent) ||
      (ts.isBinaryExpression(condition.parent) && condition.parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && equal)
    ) condition = condition.parent;
    const statement = condition.parent;
    if (!ts.isIfStatement(statement) || statement.expression !== condition) return undefined;
    anchor = statement;
    if (equal) region = [statement.thenStatement];
    else if (exits(statement.thenStatement) && (ts.isBlock(statement.parent) || ts.isSourceFile(statement.parent))) {
      const siblings = statement.parent.statements;
      region = siblings.slice(siblings.indexOf(statement) + 1);
    }
  }
  if (!region || region.length === 0) return undefined;
  const owner = findAncestor(anchor, isFunctionNode);
  if (!owner || !owner.body) return undefined;
  const requestParameter = owner.parameters[0];
  return {
    label: `The 'refresh_token' grant in '${handlerPlace(owner)}'`,
    nameNode: delegateName(region, context) ?? literal,
    owner,
    region,
    requestParameter,
    byName: false,
  };
}

/**
 * `case 'refresh_token': return this.handleRefreshTokenGrant(params)`: a branch that only hands the
 * request to an in-file function. That function is the grant's code, where a reviewer adds reuse detection.
 */
function delegateName(region: readonly ts.Node[], context: AuthorizationServerContext): ts.Node | undefined {
  const statements = region.flatMap((node) => (ts.isBlock(node) ? [...node.statements] : [node])).filter((node) => !ts.isBreakStatement(node));
  if (statements.length !== 1) return undefined;
  const only = statements[0]!;
  const expression = ts.isReturnStatement(only) ? only.expression : ts.isExpressionStatement(only) ? only.expression : undefined;
  if (!expression) return undefined;
  const call = context.values.unwrap(ts.isAwaitExpression(expression) ? expression.expression : expression);
  if (!ts.isCallExpression(call)) return undefined;
  const fn = context.values.calledFunction(call);
  if (!fn || fn.getSourceFile() !== call.getSourceFile()) return undefined;
  if (!ts.isArrowFunction(fn) && fn.name) return fn.name;
  return fn.parent && (ts.isVariableDeclaration(fn.parent) || ts.isPropertyAssignment(fn.parent)) ? fn.parent.name : undefined;
}

function isGrantTypeExpression(expression: ts.Expression, context: AuthorizationServerContext): boolean {
  const node = context.values.unwrap(expression);
  const last = ts.isIdentifier(node) ? node.text : ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node) ? context.values.memberName(node) : undefined;
  if (last && GRANT_TYPE_NAMES.test(last)) return true;
  // `form.get('grant_type')`, `params.get("grant_type")`
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'get') {
    const first = node.arguments[0];
    return !!first && ts.isStringLiteralLike(first) && GRANT_TYPE_NAMES.test(first.text);
  }
  return false;
}

function exits(statement: ts.Statement): boolean {
  if (ts.isReturnStatement(statement) || ts.isThrowStatement(statement)) return true;
  if (ts.isBlock(statement)) return statement.statements.some((inner) => ts.isReturnStatement(inner) || ts.isThrowStatement(inner));
  return false;
}

/** 'POST /oauth/token' for a route callback, else the enclosing function's name. */
function handlerPlace(owner: FunctionNode): string {
  const call = owner.parent;
  if (call && ts.isCallExpression(call) && ts.isPropertyAccessExpression(call.expression)) {
    const method = call.expression.name.text;
    const path = call.arguments[0];
    if (/^(post|all|route|on)$/i.test(method) && path && ts.isStringLiteralLike(path)) return `${method === 'on' ? 'POST' : method.toUpperCase()} ${path.text}`;
  }
  return functionName(owner) ?? 'token endpoint';
}

function isFunctionNode(node: ts.Node): node is FunctionNode {
  return ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node) || ts.isMethodDeclaration(node);
}

/** One handler's analysis: values are classified lazily, helpers in the file are followed with their arguments' roles. */
class HandlerAnalysis {
  private readonly parameterRoles = new Map<ts.ParameterDeclaration, Role>();
  private readonly memo = new Map<ts.Node, Role>();
  /** Guards against cycles (a helper passing a value back to itself). */
  private readonly inProgress = new Set<ts.Node>();
  private presentedLabel: string | undefined;

  private invalidates = false;
  private revokesFamily = false;
  /** An outbound refresh against another token endpoint; `forwardsPresented` when it carries the presented token. */
  private outbound: { forwardsPresented: boolean } | undefined;
  private readonly scannedHelpers = new Set<ts.Node>();

  constructor(
    private readonly context: AuthorizationServerContext,
    private readonly handler: Handler,
    private readonly reported: Set<string>,
  ) {
    if (handler.presentedParameter) {
      this.parameterRoles.set(handler.presentedParameter, 'presented');
      this.presentedLabel = handler.presentedParameter.name.getText();
    }
    if (handler.requestParameter) this.parameterRoles.set(handler.requestParameter, 'request');
  }

  run(): void {
    for (const node of this.handler.region) this.scanFacts(node, 0);
    if (this.outbound?.forwardsPresented) {
      // A proxy: the upstream authorization server rotates. But a token endpoint answering
      // `upstream.refresh_token || refreshToken` hands back the presented token whenever the upstream does not.
      if (!this.handler.byName) this.reportPresentedFallbacks();
      return;
    }
    if (this.handler.byName && (this.outbound || !this.looksUpPresentedToken())) return;

    const responses = this.tokenResponses();
    if (this.handler.byName && !responses.some((response) => response.hasAccessToken)) return;

    const confidential = this.context.config.clientTypes === 'confidential';
    const severity: Severity | undefined = confidential ? 'warning' : undefined;
    const token = this.presentedLabel ?? this.findPresentedLabel() ?? 'refresh_token';
    let rotates = false;
    for (const response of responses) {
      if (this.underClientTypeBranch(response.statement)) continue;
      if (response.refreshValues.length === 0) {
        // Only a handler that really looks the presented token up keeps it alive (a test double answering canned tokens does not).
        if (response.hasAccessToken && !this.invalidates && this.looksUpPresentedToken()) {
          this.report(response.statement, 'noRefreshTokenReturned', { token }, severity);
        }
        continue;
      }
      const role = this.combine(response.refreshValues.map((value) => this.role(value)));
      if (role === 'presented') {
        const value = response.refreshValues.find((candidate) => this.role(candidate) === 'presented')!;
        // At the value when the answer spells it out (`refresh_token: refreshToken,` of a multi-line return): the line to change.
        const within = value.getSourceFile() === response.statement.getSourceFile() && value.pos >= response.statement.pos && value.end <= response.statement.end;
        this.report(within ? value : response.statement, 'sameTokenReturned', { token: shortText(value) }, severity);
      } else if (role === 'fresh') {
        rotates = true;
        if (!this.invalidates) this.report(response.statement, 'oldTokenStaysValid', { token }, severity);
      }
    }
    if (rotates && this.invalidates && !this.revokesFamily && !confidential) {
      this.report(this.replayBranch() ?? this.handler.nameNode, 'noReuseDetection', {}, 'warning');
    }
  }

  /**
   * Where a replayed token shows up: the branch after the presented token's lookup that rejects it
   * (`if (stored.revoked) return invalid_grant`, else `if (!stored) …`). Reuse detection goes there.
   */
  private replayBranch(): ts.Node | undefined {
    let lookup: ts.CallExpression | undefined;
    const find = (node: ts.Node): void => {
      if (lookup) return;
      if (ts.isCallExpression(node) && this.role(node) === 'record') {
        lookup = node;
        return;
      }
      ts.forEachChild(node, find);
    };
    for (const node of [...this.handler.region, ...[...this.scannedHelpers].map((helper) => (helper as FunctionNode).body!)]) find(node);
    if (!lookup) return undefined;
    let statement: ts.Node = lookup;
    while (statement.parent && !ts.isBlock(statement.parent) && !ts.isCaseClause(statement.parent) && !ts.isSourceFile(statement.parent)) statement = statement.parent;
    const container = statement.parent;
    if (!container || !(ts.isBlock(container) || ts.isCaseClause(container))) return undefined;
    const siblings = container.statements;
    let firstRejection: ts.IfStatement | undefined;
    for (const sibling of siblings.slice(siblings.indexOf(statement as ts.Statement) + 1, siblings.indexOf(statement as ts.Statement) + 8)) {
      if (!ts.isIfStatement(sibling) || !exits(sibling.thenStatement) || !this.testsRecord(sibling.expression)) continue;
      if (REPLAY_FLAG.test(sibling.expression.getText())) return sibling;
      firstRejection ??= sibling;
    }
    return firstRejection;
  }

  private testsRecord(condition: ts.Expression): boolean {
    let found = false;
    const visit = (node: ts.Node): void => {
      if (found) return;
      if (ts.isIdentifier(node) && !isPropertyNamePosition(node) && this.role(node) === 'record') found = true;
      else ts.forEachChild(node, visit);
    };
    visit(condition);
    return found;
  }

  /** `refresh_token: upstream.refresh_token || refreshToken` (or `??`) in a proxying token endpoint's answer. */
  private reportPresentedFallbacks(): void {
    const confidential = this.context.config.clientTypes === 'confidential';
    for (const response of this.tokenResponses()) {
      if (!response.hasAccessToken || this.underClientTypeBranch(response.statement)) continue;
      for (const value of response.refreshValues) {
        const node = this.context.values.unwrap(value);
        if (!ts.isBinaryExpression(node)) continue;
        const operator = node.operatorToken.kind;
        if (operator !== ts.SyntaxKind.BarBarToken && operator !== ts.SyntaxKind.QuestionQuestionToken) continue;
        if (this.role(node.left) !== 'upstream' || this.role(node.right) !== 'presented') continue;
        this.report(node, 'sameTokenReturned', { token: shortText(node.right) }, confidential ? 'warning' : undefined);
      }
    }
  }

  /** How the handler's code spells the presented token (`req.body.refresh_token`), for messages. */
  private findPresentedLabel(): string | undefined {
    let label: string | undefined;
    const visit = (node: ts.Node): void => {
      if (label) return;
      if ((ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node) || ts.isIdentifier(node) || ts.isCallExpression(node)) &&
          !(ts.isIdentifier(node) && isPropertyNamePosition(node)) && this.role(node) === 'presented') {
        label = shortText(node);
        return;
      }
      ts.forEachChild(node, visit);
    };
    for (const node of this.handler.region) visit(node);
    return label;
  }

  private report(node: ts.Node, kind: RefreshVerdictKind, data: { token?: string }, severity?: Severity): void {
    const key = `${node.pos}:${node.end}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.context.verdict({ kind, node, data: { handler: this.handler.label, ...data }, severity });
  }

  // ---------------------------------------------------------------- roles

  role(expression: ts.Expression, depth = 0): Role {
    const cached = this.memo.get(expression);
    if (cached) return cached;
    if (depth > MAX_ROLE_DEPTH || this.inProgress.has(expression)) return 'unknown';
    this.inProgress.add(expression);
    let role: Role;
    try {
      role = this.computeRole(expression, depth + 1);
    } finally {
      this.inProgress.delete(expression);
    }
    this.memo.set(expression, role);
    if (role === 'presented' && !this.presentedLabel) this.presentedLabel = shortText(expression);
    return role;
  }

  private computeRole(expression: ts.Expression, depth: number): Role {
    const values = this.context.values;
    const node = values.unwrap(expression);
    if (node !== expression) return this.role(node, depth);
    if (ts.isIdentifier(node)) return this.identifierRole(node, depth);
    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
      return this.memberOf(node.expression, values.memberName(node), depth);
    }
    if (ts.isCallExpression(node)) return this.callRole(node, depth);
    if (ts.isNewExpression(node)) {
      return (node.arguments ?? []).some((argument) => this.role(argument, depth) === 'request') ? 'request' : 'unknown';
    }
    if (ts.isConditionalExpression(node)) {
      const branches = [this.role(node.whenTrue, depth), this.role(node.whenFalse, depth)];
      // `isPublic ? rotated : refreshToken`: the public branch rotates, which is what the spec asks.
      if (branches.includes('presented') && branches.includes('fresh') && CLIENT_TYPE_CONDITION.test(node.condition.getText())) return 'fresh';
      return this.combine(branches);
    }
    if (ts.isBinaryExpression(node)) {
      const operator = node.operatorToken.kind;
      if (operator === ts.SyntaxKind.BarBarToken || operator === ts.SyntaxKind.QuestionQuestionToken) {
        return this.combine([this.role(node.left, depth), this.role(node.right, depth)]);
      }
      if (operator === ts.SyntaxKind.CommaToken) return this.role(node.right, depth);
      if (operator === ts.SyntaxKind.PlusToken) {
        return this.role(node.left, depth) === 'fresh' || this.role(node.right, depth) === 'fresh' ? 'fresh' : 'unknown';
      }
      return 'unknown';
    }
    if (ts.isTemplateExpression(node)) {
      return node.templateSpans.some((span) => this.role(span.expression, depth) === 'fresh') ? 'fresh' : 'unknown';
    }
    return 'unknown';
  }

  /** Several possible values: one presented value is enough to hand back the old token. */
  private combine(roles: Role[]): Role {
    if (roles.includes('presented')) return 'presented';
    if (roles.includes('fresh')) return 'fresh';
    if (roles.length > 0 && roles.every((role) => role === roles[0])) return roles[0]!;
    if (roles.includes('upstream')) return 'upstream';
    return 'unknown';
  }

  private identifierRole(identifier: ts.Identifier, depth: number): Role {
    const declaration = this.context.values.declarationOf(identifier);
    if (!declaration) return 'unknown';
    if (declaration.kind === 'parameter') {
      const parameter = ts.isParameter(declaration.node) ? declaration.node : findAncestor(declaration.node, ts.isParameter);
      if (!parameter) return 'unknown';
      let role = this.parameterRoles.get(parameter) ?? 'unknown';
      for (const key of declaration.path ?? []) role = memberRole(role, key);
      return role;
    }
    if (declaration.kind !== 'variable') return 'unknown';
    if (declaration.initializer) {
      if (!declaration.path) return this.role(declaration.initializer, depth);
      const [first, ...rest] = declaration.path;
      let role = this.memberOf(declaration.initializer, first, depth);
      for (const key of rest) role = memberRole(role, key);
      return role;
    }
    // `let token; … token = …`
    const origins = this.context.values.origins(identifier).filter((origin) => origin !== identifier);
    return origins.length ? this.combine(origins.map((origin) => this.role(origin, depth))) : 'unknown';
  }

  /** `object.key`, looking into object literals and into what local helpers return. */
  private memberOf(objectExpression: ts.Expression, key: string | undefined, depth: number): Role {
    if (depth > MAX_ROLE_DEPTH) return 'unknown';
    const direct = this.role(objectExpression, depth + 1);
    if (direct !== 'unknown') return memberRole(direct, key);
    const roles: Role[] = [];
    for (const origin of this.context.values.origins(objectExpression)) {
      if (key !== undefined && ts.isObjectLiteralExpression(origin)) {
        const value = this.context.values.objectProperties(origin)?.get(key);
        roles.push(value ? this.role(value, depth + 1) : 'unknown');
        continue;
      }
      if (key !== undefined && ts.isCallExpression(origin)) {
        const helper = this.localHelper(origin);
        if (helper) {
          this.bindArguments(origin, helper);
          for (const returned of this.context.values.returnedExpressions(helper)) roles.push(this.memberOf(returned, key, depth + 1));
          continue;
        }
      }
      roles.push(memberRole(this.role(origin, depth + 1), key));
    }
    return this.combine(roles);
  }

  private callRole(call: ts.CallExpression, depth: number): Role {
    const values = this.context.values;
    const callee = values.unwrap(call.expression);
    const method = calleeName(callee);
    const helper = this.localHelper(call);
    if (helper) {
      this.bindArguments(call, helper);
      const returned = values.returnedExpressions(helper);
      return returned.length ? this.combine(returned.map((expression) => this.role(expression, depth))) : 'unknown';
    }
    if (isGeneratorName(method)) return 'fresh';
    // Bundlers rename imports (`import { randomUUID as randomUUID3 } from 'crypto'`): the imported name says what it is.
    const imported = ts.isIdentifier(callee) ? importedFrom(callee, values) : undefined;
    if (imported && imported.path.length === 1 && isGeneratorName(imported.path[0]!)) return 'fresh';
    const receiver = ts.isPropertyAccessExpression(callee) ? callee.expression : undefined;
    const receiverRole = receiver ? this.role(receiver, depth) : 'unknown';
    if (receiverRole === 'fresh') return 'fresh'; // `randomBytes(32).toString('base64url')`
    if (CLIENT_REFRESH_METHODS.has(method) || /^(fetch|got|ky|request)$/.test(method) || /^axios(\.|$)/.test(dottedName(callee))) return 'upstream';
    if (receiverRole === 'upstream') return 'upstream';
    if (method === 'get' && receiverRole === 'request') {
      const first = call.arguments[0];
      return first && ts.isStringLiteralLike(first) && isRequestTokenKey(first.text) ? 'presented' : 'request';
    }
    if (receiverRole === 'request') return 'request'; // `c.req.parseBody()`, `request.formData()`
    // `form.get('refresh_token')` on a parameter the handler was handed (a parsed form body): the presented token.
    if (method === 'get' && receiverRole === 'unknown' && receiver && ts.isIdentifier(values.unwrap(receiver)) && values.declarationOf(values.unwrap(receiver) as ts.Identifier)?.kind === 'parameter') {
      const first = call.arguments[0];
      if (first && ts.isStringLiteralLike(first) && first.text === 'refresh_token') return 'presented';
    }
    const argumentRoles = call.arguments.map((argument) => this.role(argument, depth));
    if (argumentRoles.includes('fresh') && !LOOKUP_METHOD.test(method)) return 'fresh'; // `base64url(randomBytes(32))`
    if (argumentRoles.includes('request')) return 'request'; // `Schema.parse(req.body)`
    if (method === 'parse' && argumentRoles.includes('record')) return 'record'; // `JSON.parse(await redis.get(key))`
    if (receiverRole === 'presented' && /^(trim|toString|valueOf)$/.test(method)) return 'presented';
    if (this.isLookup(call)) return 'record';
    return 'unknown';
  }

  /** A read keyed by the presented token, anywhere in a call chain (`db.select().from(t).where(eq(t.token, rt)).limit(1)`). */
  private isLookup(call: ts.CallExpression): boolean {
    let lookup = false;
    let mentions = false;
    for (const link of chainCalls(call)) {
      const method = calleeName(this.context.values.unwrap(link.expression));
      if (LOOKUP_METHOD.test(method)) lookup = true;
      if (INVALIDATE_METHODS.has(method) && !/^getdel$/i.test(method)) return false;
      if (!mentions && link.arguments.some((argument) => this.mentions(argument, PRESENTED_ONLY))) mentions = true;
    }
    return lookup && mentions;
  }

  /** Whether any part of a node is one of the wanted roles; a record's other fields ('stored.accessToken') do not count. */
  private mentions(node: ts.Node, wanted: ReadonlySet<Role>, depth = 0): boolean {
    if (depth > MAX_ROLE_DEPTH) return false;
    if (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
      if (ts.isIdentifier(node) && isPropertyNamePosition(node)) return false;
      const role = this.role(node);
      if (wanted.has(role)) return true;
      if (role === 'field' || role === 'identity' || role === 'record') return false;
      if (ts.isIdentifier(node)) {
        // `const key = digest(refreshToken)`: a value derived from the token still names it.
        const declaration = this.context.values.declarationOf(node);
        return declaration?.kind === 'variable' && !declaration.path && declaration.initializer !== undefined &&
          this.mentions(declaration.initializer, wanted, depth + 1);
      }
      if (ts.isPropertyAccessExpression(node)) return this.mentions(node.expression, wanted, depth + 1);
      return this.mentions(node.expression, wanted, depth + 1) || this.mentions(node.argumentExpression, wanted, depth + 1);
    }
    if (ts.isCallExpression(node) && wanted.has(this.role(node))) return true; // `form.get('refresh_token')`
    return ts.forEachChild(node, (child) => (this.mentions(child, wanted, depth + 1) ? true : undefined)) ?? false;
  }

  private localHelper(call: ts.CallExpression): FunctionNode | undefined {
    const fn = this.context.values.calledFunction(call);
    if (!fn || fn === this.handler.owner || !fn.body) return undefined;
    return fn;
  }

  /** Gives a helper's parameters the roles of the arguments it receives from the handler. */
  private bindArguments(call: ts.CallExpression, helper: FunctionNode): void {
    let changed = false;
    helper.parameters.forEach((parameter, index) => {
      const argument = call.arguments[index];
      if (!argument || this.parameterRoles.has(parameter) || parameter.dotDotDotToken) return;
      const role = this.role(argument);
      if (role === 'unknown' || role === 'field') return;
      this.parameterRoles.set(parameter, role);
      changed = true;
    });
    if (changed) this.memo.clear();
  }

  private lookupFound: boolean | undefined;
  private looksUpPresentedToken(): boolean {
    if (this.lookupFound !== undefined) return this.lookupFound;
    let found = false;
    const visit = (node: ts.Node): void => {
      if (found) return;
      if (ts.isCallExpression(node) && this.role(node) === 'record') {
        found = true;
        return;
      }
      ts.forEachChild(node, visit);
    };
    for (const node of this.handler.region) visit(node);
    this.lookupFound = found;
    return found;
  }

  // ---------------------------------------------------------------- facts: invalidation, family revocation, outbound calls

  private scanFacts(root: ts.Node, helperDepth: number): void {
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) this.callFacts(node, helperDepth);
      else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) this.assignmentFacts(node);
      else if (ts.isDeleteExpression(node) && this.mentions(node.expression, INVALIDATED_ROLES)) this.invalidates = true;
      else if (ts.isPropertyAssignment(node)) this.grantTypePropertyFacts(node);
      else if (ts.isTaggedTemplateExpression(node)) this.sqlFacts(node, node.template.getText(), [node.template]);
      else if ((ts.isStringLiteralLike(node) || ts.isTemplateExpression(node)) && /grant_type=refresh_token/.test(node.getText())) {
        this.noteOutbound(ts.isTemplateExpression(node) && node.templateSpans.some((span) => this.mentions(span.expression, PRESENTED_ONLY)));
      }
      ts.forEachChild(node, visit);
    };
    visit(root);
  }

  private callFacts(call: ts.CallExpression, helperDepth: number): void {
    const values = this.context.values;
    const callee = values.unwrap(call.expression);
    const method = calleeName(callee);
    const helper = this.localHelper(call);
    if (helper) {
      if (FAMILY_REVOCATION_NAME.test(method)) this.revokesFamily = true;
      this.bindArguments(call, helper);
      if (helperDepth < MAX_HELPER_DEPTH && !this.scannedHelpers.has(helper)) {
        this.scannedHelpers.add(helper);
        this.scanFacts(helper.body!, helperDepth + 1);
      }
      return;
    }
    if (CLIENT_REFRESH_METHODS.has(method)) {
      this.noteOutbound(this.mentions(call, PRESENTED_ONLY));
      return;
    }
    // `revokeAllForUser(stored.userId)`, `revokeFamily(record.familyId)`; not `emitter.removeAllListeners()`.
    if (FAMILY_REVOCATION_NAME.test(method) && call.arguments.some((argument) => mentionsFamily(argument) || this.mentions(argument, INVALIDATED_ROLES))) {
      this.revokesFamily = true;
      this.invalidates = true;
      return;
    }
    // Only the outermost call of a chain decides, with every link's arguments in view.
    if (isChainLink(call)) return;
    const links = chainCalls(call);
    const methods = links.map((link) => calleeName(values.unwrap(link.expression)));
    const receiver = ts.isPropertyAccessExpression(callee) ? callee.expression : undefined;
    const invalidating = methods.some((name) => INVALIDATE_METHODS.has(name) || INVALIDATE_NAME.test(name));
    const flagging = methods.some((name) => FLAG_WRITE_METHODS.has(name) || name === 'assign') && links.some((link) => link.arguments.some((argument) => this.setsRevocationFlag(argument)));
    // An update keyed by the old token that writes a freshly generated one replaces it in place.
    const replacing = methods.some((name) => REPLACING_UPDATE_METHODS.has(name)) && links.some((link) => link.arguments.some((argument) => this.mentions(argument, FRESH_ONLY)));
    const sql = links.flatMap((link) => link.arguments.slice(0, 1)).map((argument) => this.sqlText(argument)).find((text) => text !== undefined);
    if (sql !== undefined && isInvalidatingSql(sql)) {
      this.sqlFacts(call, sql, links.flatMap((link) => link.arguments.slice(1)));
      return;
    }
    if (!invalidating && !flagging && !replacing) return;
    const argumentsOfChain = links.flatMap((link) => [...link.arguments]);
    const aboutPresented = argumentsOfChain.some((argument) => this.mentions(argument, INVALIDATED_ROLES)) ||
      (receiver !== undefined && this.role(receiver) === 'record');
    if (aboutPresented) this.invalidates = true;
    // Family revocation: a delete or revoke filtered by family, grant or user, taken in a branch (reuse detection is a branch).
    const filters = links.flatMap((link) => {
      const name = calleeName(values.unwrap(link.expression));
      return name === 'where' || name === 'filter' ? [...link.arguments] : link.arguments.slice(0, 1);
    });
    const familyFilter = filters.some((argument) => mentionsFamily(argument)) || this.guardedByFamilyCondition(call);
    if (familyFilter && this.inBranch(call)) this.revokesFamily = true;
  }

  private assignmentFacts(assignment: ts.BinaryExpression): void {
    const left = assignment.left;
    if (!ts.isPropertyAccessExpression(left) && !ts.isElementAccessExpression(left)) return;
    const key = this.context.values.memberName(left);
    if (!key || !isRevocationFlag(key, assignment.right)) return;
    if (this.role(left.expression) === 'record') this.invalidates = true;
  }

  /** `grant_type: 'refresh_token'` in an object literal: a request to someone else's token endpoint. */
  private grantTypePropertyFacts(property: ts.PropertyAssignment): void {
    const key = propertyNameText(property.name);
    if (!key || !GRANT_TYPE_NAMES.test(key)) return;
    if (!this.context.values.stringValues(property.initializer)?.includes('refresh_token')) return;
    const object = property.parent;
    const forwards = object.properties.some((other) => other !== property && this.mentions(other, PRESENTED_ONLY));
    this.noteOutbound(forwards || this.forwardsThroughSearchParams(object));
  }

  /** `const params = new URLSearchParams({ grant_type: 'refresh_token' }); params.set('refresh_token', refreshToken)`. */
  private forwardsThroughSearchParams(object: ts.ObjectLiteralExpression): boolean {
    const construction = object.parent;
    if (!ts.isNewExpression(construction)) return false;
    const declaration = construction.parent;
    if (!ts.isVariableDeclaration(declaration) || !ts.isIdentifier(declaration.name)) return false;
    const name = declaration.name.text;
    let forwards = false;
    const visit = (node: ts.Node): void => {
      if (forwards) return;
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && /^(set|append)$/.test(node.expression.name.text) &&
          ts.isIdentifier(node.expression.expression) && node.expression.expression.text === name && node.arguments[1] &&
          this.mentions(node.arguments[1], PRESENTED_ONLY)) forwards = true;
      ts.forEachChild(node, visit);
    };
    for (const node of this.handler.region) visit(node);
    return forwards;
  }

  private noteOutbound(forwardsPresented: boolean): void {
    this.outbound = { forwardsPresented: forwardsPresented || (this.outbound?.forwardsPresented ?? false) };
  }

  private sqlText(argument: ts.Expression): string | undefined {
    const strings = this.context.values.stringValues(argument);
    const text = strings?.find((value) => /\b(select|insert|update|delete)\b/i.test(value));
    return text;
  }

  private sqlFacts(node: ts.Node, sql: string, parameters: readonly ts.Node[]): void {
    if (!isInvalidatingSql(sql)) return;
    if (parameters.some((parameter) => this.mentions(parameter, INVALIDATED_ROLES))) this.invalidates = true;
    const where = sql.split(/\bwhere\b/i)[1];
    if (where && FAMILY_SQL.test(where) && this.inBranch(node)) this.revokesFamily = true;
  }

  private setsRevocationFlag(argument: ts.Node): boolean {
    let found = false;
    const visit = (node: ts.Node): void => {
      if (found) return;
      if (ts.isPropertyAssignment(node)) {
        const key = propertyNameText(node.name);
        if (key && isRevocationFlag(key, node.initializer)) found = true;
      } else if (ts.isShorthandPropertyAssignment(node) && isRevocationFlag(node.name.text, undefined)) found = true;
      if (isFunctionNode(node)) return;
      ts.forEachChild(node, visit);
    };
    visit(argument);
    return found;
  }

  /** A delete inside `for (…) if (record.familyId === stored.familyId) store.delete(key)`. */
  private guardedByFamilyCondition(call: ts.Node): boolean {
    for (let current = call.parent; current && !this.isBoundary(current) && !this.isBoundary(current.parent); current = current.parent) {
      if (ts.isIfStatement(current) && mentionsFamily(current.expression)) return true;
      if (ts.isCallExpression(current) && /^(filter|forEach)$/.test(calleeName(current.expression)) && mentionsFamily(current)) return true;
    }
    return false;
  }

  /** Inside an `if`/`catch`/conditional of the handler or a helper, as reuse handling is. */
  private inBranch(node: ts.Node): boolean {
    for (let current = node; current.parent && !this.isBoundary(current); current = current.parent) {
      const parent = current.parent;
      if (ts.isIfStatement(parent) && parent.expression !== current) return true;
      if (ts.isConditionalExpression(parent) && parent.condition !== current) return true;
      if (ts.isCatchClause(parent)) return true;
      if (ts.isBinaryExpression(parent) && parent.right === current && parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return true;
    }
    return false;
  }

  /** The handler's own statements, its function and the helpers it calls: conditions outside them are not the handler's branches. */
  private isBoundary(node: ts.Node): boolean {
    return node === this.handler.owner || this.handler.region.includes(node) || this.scannedHelpers.has(node) || ts.isSourceFile(node);
  }

  private underClientTypeBranch(statement: ts.Node): boolean {
    for (let current = statement; current.parent && !this.isBoundary(current); current = current.parent) {
      const parent = current.parent;
      if (ts.isIfStatement(parent) && parent.expression !== current && CLIENT_TYPE_CONDITION.test(parent.expression.getText())) return true;
      if (ts.isConditionalExpression(parent) && parent.condition !== current && CLIENT_TYPE_CONDITION.test(parent.condition.getText())) return true;
      if (isFunctionNode(parent)) return false;
    }
    return false;
  }

  // ---------------------------------------------------------------- responses

  /** Return statements and `res.json(…)`/`c.json(…)`/`reply.send(…)` of the handler, followed into local helpers. */
  private tokenResponses(): TokenResponse[] {
    const responses: TokenResponse[] = [];
    // `done` is often called from a promise callback: look into nested functions for it, and only for it.
    const visitDone = (node: ts.Node): void => {
      const answered = (ts.isReturnStatement(node) || ts.isExpressionStatement(node)) && node.expression ? this.doneResponse(node.expression, node) : undefined;
      if (answered) responses.push(answered);
      else ts.forEachChild(node, visitDone);
    };
    const visit = (node: ts.Node): void => {
      if (isFunctionNode(node)) {
        if (this.handler.doneParameter) visitDone(node);
        return;
      }
      const answered = (ts.isReturnStatement(node) || ts.isExpressionStatement(node)) && node.expression ? this.doneResponse(node.expression, node) : undefined;
      if (answered) {
        responses.push(answered);
        return;
      }
      if (ts.isReturnStatement(node) && node.expression) {
        const sunk = this.sinkPayload(node.expression);
        this.collectResponses(sunk ?? node.expression, node, responses, 0);
        return;
      }
      if (ts.isExpressionStatement(node)) {
        const expression = this.context.values.unwrap(node.expression);
        const payload = this.sinkPayload(expression);
        if (payload) {
          this.collectResponses(payload, node, responses, 0);
          return;
        }
        if (ts.isBinaryExpression(expression) && expression.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
            ts.isPropertyAccessExpression(expression.left) && expression.left.name.text === 'body' && this.role(expression.left.expression) === 'request') {
          this.collectResponses(expression.right, node, responses, 0); // Koa: `ctx.body = {...}`
          return;
        }
      }
      ts.forEachChild(node, visit);
    };
    for (const node of this.handler.region) visit(node);
    // An arrow's expression body is its response.
    const owner = this.handler.owner;
    if (ts.isArrowFunction(owner) && !ts.isBlock(owner.body) && this.handler.region[0] === owner.body) {
      this.collectResponses(this.sinkPayload(owner.body) ?? owner.body, owner.body, responses, 0);
    }
    return responses;
  }

  /** oauth2orize's `done(null, accessToken, refreshToken, params)`; `done(null, false)` and `done(error)` answer with no token. */
  private doneResponse(expression: ts.Expression, statement: ts.Node): TokenResponse | undefined {
    const done = this.handler.doneParameter;
    const call = this.context.values.unwrap(expression);
    if (!done || !ts.isCallExpression(call) || !ts.isIdentifier(call.expression)) return undefined;
    const declaration = this.context.values.declarationOf(call.expression);
    if (declaration?.kind !== 'parameter' || declaration.node !== done) return undefined;
    const [, accessToken, refreshToken] = call.arguments;
    if (!accessToken || isFalsyLiteral(accessToken)) return undefined;
    return { statement, refreshValues: refreshToken && !isFalsyLiteral(refreshToken) ? [refreshToken] : [], hasAccessToken: true };
  }

  /** The payload of `res.json(x)`, `res.status(200).send(x)`, `c.json(x)`, `Response.json(x)`, `new Response(JSON.stringify(x))`. */
  private sinkPayload(expression: ts.Expression): ts.Expression | undefined {
    const node = this.context.values.unwrap(expression);
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && /^(json|send|end)$/.test(node.expression.name.text) && node.arguments[0]) {
      if (dottedName(node.expression.expression) === 'JSON') return undefined;
      return stringified(node.arguments[0]);
    }
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Response' && node.arguments?.[0]) {
      return stringified(node.arguments[0]);
    }
    return undefined;
  }

  private collectResponses(expression: ts.Expression, statement: ts.Node, into: TokenResponse[], depth: number): void {
    if (depth > MAX_HELPER_DEPTH) return;
    const values = this.context.values;
    const node = values.unwrap(stringified(expression));
    if (ts.isCallExpression(node)) {
      const helper = this.localHelper(node);
      if (!helper) return;
      this.bindArguments(node, helper);
      // A helper's response is reported where the handler answers with it (`return this.generateTokens(…)`):
      // the presented token is known there, and there it must be invalidated; a helper shared by
      // several grants is judged once per handler.
      for (const returned of values.returnedExpressions(helper)) {
        this.collectResponses(this.sinkPayload(returned) ?? returned, statement, into, depth + 1);
      }
      return;
    }
    if (ts.isConditionalExpression(node)) {
      this.collectResponses(node.whenTrue, statement, into, depth + 1);
      this.collectResponses(node.whenFalse, statement, into, depth + 1);
      return;
    }
    for (const origin of values.origins(node)) {
      if (ts.isObjectLiteralExpression(origin)) {
        // A framework-neutral response record (`{ status, headers, body: JSON.stringify(payload) }`): its body is the answer,
        // one wrapper further in (not a helper level of its own).
        const body = responseRecordBody(origin);
        if (body) {
          this.collectResponses(body, statement, into, depth);
          continue;
        }
        const response = this.describeResponse(origin, ts.isIdentifier(node) ? node : undefined);
        if (response) into.push({ statement, ...response });
      } else if (origin !== node && (ts.isCallExpression(origin) || ts.isConditionalExpression(origin))) {
        this.collectResponses(origin, statement, into, depth + 1);
      }
    }
  }

  /** `...(scope !== undefined && { scope })`, `...(x ? { a } : {})`: the keys a conditional spread may add. */
  private conditionalSpread(expression: ts.Expression): Map<string, ts.Expression> | undefined {
    const values = this.context.values;
    const node = values.unwrap(expression);
    const arms = ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken ? [node.right]
      : ts.isConditionalExpression(node) ? [node.whenTrue, node.whenFalse] : undefined;
    if (!arms) return undefined;
    const merged = new Map<string, ts.Expression>();
    for (const arm of arms) {
      const properties = values.objectProperties(arm);
      if (!properties) return undefined;
      for (const [key, value] of properties) merged.set(key, value);
    }
    return merged;
  }

  /** The refresh-token values and access-token presence of a response object; undefined when it cannot be known. */
  private describeResponse(literal: ts.ObjectLiteralExpression, variable: ts.Identifier | undefined): Omit<TokenResponse, 'statement'> | undefined {
    const properties = new Map<string, ts.Expression>();
    for (const property of literal.properties) {
      if (ts.isSpreadAssignment(property)) {
        const spread = this.context.values.objectProperties(property.expression) ?? this.conditionalSpread(property.expression);
        if (!spread) return undefined; // `{ ...tokens }` from somewhere unknown may carry anything
        for (const [key, value] of spread) properties.set(key, value);
      } else if (ts.isPropertyAssignment(property)) {
        const key = propertyNameText(property.name);
        if (key === undefined) return undefined;
        properties.set(key, property.initializer);
      } else if (ts.isShorthandPropertyAssignment(property)) {
        properties.set(property.name.text, property.name);
      }
    }
    const refreshValues: ts.Expression[] = REFRESH_TOKEN_KEYS.flatMap((key) => (properties.has(key) ? [properties.get(key)!] : []));
    let hasAccessToken = ACCESS_TOKEN_KEYS.some((key) => properties.has(key));
    if (variable) {
      const later = this.laterWrites(variable);
      if (later === undefined) return undefined;
      refreshValues.push(...later.refresh);
      hasAccessToken ||= later.access;
    }
    if (!hasAccessToken && refreshValues.length === 0) {
      // `{ status: 200, body: { access_token, … } }` handed to a framework adapter
      const body = properties.get('body');
      const inner = body && this.context.values.origins(body).find(ts.isObjectLiteralExpression);
      return inner && inner !== literal ? this.describeResponse(inner, undefined) : undefined; // else an error body
    }
    return { refreshValues, hasAccessToken };
  }

  /** `body.refresh_token = …` after `const body = {…}`; undefined when the object is changed in ways we cannot follow. */
  private laterWrites(variable: ts.Identifier): { refresh: ts.Expression[]; access: boolean } | undefined {
    const result = { refresh: [] as ts.Expression[], access: false };
    let opaque = false;
    const visit = (node: ts.Node): void => {
      if (opaque) return;
      if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
          (ts.isPropertyAccessExpression(node.left) || ts.isElementAccessExpression(node.left)) &&
          ts.isIdentifier(node.left.expression) && node.left.expression.text === variable.text) {
        const key = this.context.values.memberName(node.left);
        if (key === undefined) opaque = true;
        else if ((REFRESH_TOKEN_KEYS as readonly string[]).includes(key)) result.refresh.push(node.right);
        else if ((ACCESS_TOKEN_KEYS as readonly string[]).includes(key)) result.access = true;
      } else if (ts.isCallExpression(node) && dottedName(node.expression) === 'Object.assign' && node.arguments[0] &&
          ts.isIdentifier(node.arguments[0]) && node.arguments[0].text === variable.text) {
        opaque = true;
      }
      ts.forEachChild(node, visit);
    };
    for (const node of this.handler.region) visit(node);
    return opaque ? undefined : result;
  }
}

const PRESENTED_ONLY: ReadonlySet<Role> = new Set(['presented']);
const FRESH_ONLY: ReadonlySet<Role> = new Set(['fresh']);
/** What a delete or revoke must be about to invalidate the presented token: it, its record, or the record's id. */
const INVALIDATED_ROLES: ReadonlySet<Role> = new Set(['presented', 'record', 'identity']);

function memberRole(base: Role, key: string | undefined): Role {
  switch (base) {
    case 'request':
      return key !== undefined && isRequestTokenKey(key) ? 'presented' : 'request';
    case 'record':
      if (key === undefined) return 'field';
      if (RECORD_IDENTITY_KEYS.has(key)) return 'identity';
      if (RECORD_TOKEN_KEYS.has(key)) return 'presented';
      if (/^\d+$/.test(key) || RECORD_CONTAINER_KEYS.has(key)) return 'record';
      return 'field';
    case 'fresh':
    case 'upstream':
      return base;
    default:
      return 'unknown';
  }
}

/** `DELETE FROM …`, or an UPDATE whose SET clause revokes the row or replaces its token. */
function isInvalidatingSql(sql: string): boolean {
  if (DELETING_SQL.test(sql)) return true;
  const setClause = SQL_SET_CLAUSE.exec(sql)?.[1];
  return setClause !== undefined && INVALIDATING_SQL_COLUMNS.test(setClause.replace(/\blast_\w+\s*=/gi, ''));
}

function isFalsyLiteral(value: ts.Expression): boolean {
  return value.kind === ts.SyntaxKind.FalseKeyword || value.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(value) && value.text === 'undefined');
}

function isRequestTokenKey(key: string): boolean {
  return /^refresh_?token$/i.test(key);
}

function isGeneratorName(name: string): boolean {
  if (!name) return false;
  if (GENERATOR_NAMES.has(name)) return true;
  const words = splitWords(name);
  return GENERATOR_VERBS.has(words[0] ?? '') && words.slice(1).some((word) => GENERATED_NOUNS.has(word));
}

function isRevocationFlag(key: string, value: ts.Expression | undefined): boolean {
  const words = splitWords(key);
  if (words.includes('last')) return false; // 'lastUsedAt' is bookkeeping, not invalidation
  // `used: false`, `revokedAt: null` on a new record say the opposite.
  if (words.some((word) => REVOCATION_FLAG_WORDS.has(word))) return !value || !isFalsyLiteral(value);
  if (ACTIVE_FLAG_NAMES.has(key)) return value?.kind === ts.SyntaxKind.FalseKeyword;
  if (key === 'status' && value && ts.isStringLiteralLike(value)) return REVOKED_STATUS_VALUES.test(value.text);
  return false;
}

/** Whether a filter or condition names a token family, grant or user (`{ familyId }`, `rec.grantId === stored.grantId`). */
function mentionsFamily(node: ts.Node): boolean {
  let found = false;
  const visit = (current: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(current) || ts.isStringLiteralLike(current)) {
      const words = splitWords(current.text);
      if (words.some((word, index) => FAMILY_WORDS.has(word) && !(word === 'grant' && words[index + 1] === 'type'))) found = true;
      if (ts.isStringLiteralLike(current) && FAMILY_SQL.test(current.text)) found = true;
    }
    ts.forEachChild(current, visit);
  };
  visit(node);
  return found;
}

/** The calls of a chain from the innermost to `call` itself: `db.update(t).set(x).where(y)`. */
function chainCalls(call: ts.CallExpression): ts.CallExpression[] {
  const links: ts.CallExpression[] = [];
  let current: ts.Expression = call;
  while (ts.isCallExpression(current)) {
    links.unshift(current);
    const callee: ts.Expression = current.expression;
    if (!ts.isPropertyAccessExpression(callee)) break;
    current = callee.expression;
    while (ts.isPropertyAccessExpression(current)) current = current.expression;
    if (ts.isAwaitExpression(current) || ts.isParenthesizedExpression(current)) break;
  }
  return links;
}

/** A call whose result is the receiver of another call (`x.a().b()`: `x.a()` is a link of `b`'s chain). */
function isChainLink(call: ts.CallExpression): boolean {
  let current: ts.Node = call;
  while (ts.isPropertyAccessExpression(current.parent) && current.parent.expression === current) current = current.parent;
  return current !== call && ts.isCallExpression(current.parent) && current.parent.expression === current;
}

function calleeName(callee: ts.Expression): string {
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  if (ts.isElementAccessExpression(callee) && ts.isStringLiteralLike(callee.argumentExpression)) return callee.argumentExpression.text;
  return '';
}

function isPropertyNamePosition(identifier: ts.Identifier): boolean {
  const parent = identifier.parent;
  return (ts.isPropertyAccessExpression(parent) && parent.name === identifier) || (ts.isPropertyAssignment(parent) && parent.name === identifier);
}

/** `JSON.stringify(x)` → x. */
/** The payload of `{ status, body: JSON.stringify(payload) }` (a status beside a stringified body), if the object is one. */
function responseRecordBody(literal: ts.ObjectLiteralExpression): ts.Expression | undefined {
  let status = false;
  let body: ts.Expression | undefined;
  for (const property of literal.properties) {
    const key = property.name ? propertyNameText(property.name) : undefined;
    if (key === 'status' || key === 'statusCode') status = true;
    if (key === 'body' && ts.isPropertyAssignment(property) && ts.isCallExpression(property.initializer) && dottedName(property.initializer.expression) === 'JSON.stringify') {
      body = property.initializer.arguments[0];
    }
  }
  return status ? body : undefined;
}

function stringified(expression: ts.Expression): ts.Expression {
  if (ts.isCallExpression(expression) && dottedName(expression.expression) === 'JSON.stringify' && expression.arguments[0]) return expression.arguments[0];
  return expression;
}

function shortText(node: ts.Node): string {
  const text = node.getText().replace(/\s+/g, ' ');
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
