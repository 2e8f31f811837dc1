/**
 * Refresh grants written as grant-type classes, the shape of oauth2-server 3 and its forks
 * (`RefreshTokenGrantType.prototype.handle`, `class RefreshTokenGrantType { async handle() }`)
 * and of @jmondi/oauth2-server (`class RefreshTokenGrant { respondToAccessTokenRequest() }`):
 * the handler revokes the presented token and saves a new one, but a rotated token that comes
 * back only fails; nothing revokes the family it belongs to. Reported at the revocation, the
 * line where a reviewer adds the family revocation.
 */
import { ts } from '../engine/typescript.js';
import {
  FAMILY_REVOCATION_NAME,
  GRANT_CLASS_HANDLER_METHODS,
  INVALIDATE_NAME,
  REFRESH_GRANT_CLASS,
  REUSE_DETECTION_WORDS,
} from '../knowledge/refresh-handlers.js';

type FunctionNode = ts.FunctionLikeDeclaration;

export interface GrantClassVerdict {
  /** The call that revokes the presented token. */
  node: ts.Node;
  /** The class, as messages name it. */
  grantClass: string;
}

/** Refresh grant classes whose handler revokes the presented token with no reuse detection anywhere in the class. */
export function refreshGrantClassesWithoutReuseDetection(sourceFile: ts.SourceFile): GrantClassVerdict[] {
  if (!REFRESH_GRANT_CLASS.test(sourceFile.text)) return [];
  const members = new Map<string, Map<string, FunctionNode>>();
  const visit = (node: ts.Node): void => {
    if (ts.isClassLike(node) && node.name && REFRESH_GRANT_CLASS.test(node.name.text)) {
      const methods = memberMap(members, node.name.text);
      for (const member of node.members) {
        if (ts.isMethodDeclaration(member) && member.body && member.name && ts.isIdentifier(member.name)) methods.set(member.name.text, member);
      }
    } else if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && REFRESH_GRANT_CLASS.test(node.name.text) && node.initializer && ts.isClassExpression(node.initializer)) {
      // `var RefreshTokenGrant = class extends AbstractGrant { … }` (bundled output)
      const methods = memberMap(members, node.name.text);
      for (const member of node.initializer.members) {
        if (ts.isMethodDeclaration(member) && member.body && member.name && ts.isIdentifier(member.name)) methods.set(member.name.text, member);
      }
    } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left) &&
      ts.isPropertyAccessExpression(node.left.expression) && node.left.expression.name.text === 'prototype' && ts.isIdentifier(node.left.expression.expression) &&
      REFRESH_GRANT_CLASS.test(node.left.expression.expression.text) && (ts.isFunctionExpression(node.right) || ts.isArrowFunction(node.right))) {
      // `RefreshTokenGrantType.prototype.handle = function (request, client) { … }`
      memberMap(members, node.left.expression.expression.text).set(node.left.name.text, node.right);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);

  const verdicts: GrantClassVerdict[] = [];
  for (const [grantClass, methods] of members) {
    const handler = [...methods].find(([name]) => GRANT_CLASS_HANDLER_METHODS.has(name))?.[1];
    if (!handler?.body) continue;
    // The handler and the methods it reaches through `this.x(…)`.
    const reached = new Set<FunctionNode>([handler]);
    const queue: FunctionNode[] = [handler];
    while (queue.length > 0) {
      const fn = queue.shift()!;
      forEachCall(fn, (call) => {
        const callee = call.expression;
        if (ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword) {
          const target = methods.get(callee.name.text);
          if (target && !reached.has(target)) {
            reached.add(target);
            queue.push(target);
          }
        }
      });
    }
    let revocation: ts.CallExpression | undefined;
    let reuseDetected = false;
    forEachCall(handler, (call) => {
      const name = lastName(call.expression);
      if (!revocation && name && INVALIDATE_NAME.test(name) && !FAMILY_REVOCATION_NAME.test(name)) revocation = call;
    });
    for (const fn of reached) {
      forEachCall(fn, (call) => {
        const name = lastName(call.expression);
        if (name && (FAMILY_REVOCATION_NAME.test(name) || REUSE_DETECTION_WORDS.test(name))) reuseDetected = true;
      });
    }
    if (revocation && !reuseDetected) verdicts.push({ node: revocation, grantClass });
  }
  return verdicts;
}

function memberMap(members: Map<string, Map<string, FunctionNode>>, name: string): Map<string, FunctionNode> {
  let methods = members.get(name);
  if (!methods) members.set(name, (methods = new Map()));
  return methods;
}

function forEachCall(fn: FunctionNode, onCall: (call: ts.CallExpression) => void): void {
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) onCall(node);
    ts.forEachChild(node, visit);
  };
  if (fn.body) visit(fn.body);
}

function lastName(expression: ts.Expression): string | undefined {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression)) return expression.name.text;
  return undefined;
}
