import { ts } from '../engine/typescript.js';
import { AUDIENCE_TEXT } from '../knowledge/mcp-authorization.js';
import { IncomingTokenFlow } from '../models/resource-server.js';
import {
  checksAudience,
  enclosingFunction,
  introspectionAcceptance,
  introspectionCalls,
  isAccessTokenVerifier,
  jwtVerification,
  passportJwtVerification,
  verifiesOwnTokens,
  verifiesAccessToken,
} from '../models/token-verification.js';
import { defineRule } from './define.js';

export const tokenAudienceNotValidated = defineRule({
  meta: {
    id: 'token-audience-not-validated',
    description: 'An MCP server accepts access tokens without checking that they were issued for it.',
    defaultSeverity: 'error',
    cwe: ['CWE-287', 'CWE-345'],
    securitySeverity: '7.5',
    precision: 'high',
    requiresText: AUDIENCE_TEXT,
    messages: {
      jwtWithoutAudience:
        "'{{call}}' verifies the access token without an '{{option}}' option, so a token issued for another service passes; pass '{{option}}' set to this server's resource identifier (the 'resource' of its protected resource metadata).",
      audienceOnlyIfPresent:
        "The 'aud' claim is compared only when the token has one, so a token issued with no audience passes; reject a token whose 'aud' is missing or does not name this MCP server.",
      introspectionWithoutAudience:
        "'verifyAccessToken' accepts the introspection result without checking its 'aud' (or resource); reject tokens whose audience is not this MCP server.",
    },
  },
  create(context) {
    const flow = new IncomingTokenFlow(context.values);
    return {
      [ts.SyntaxKind.NewExpression]: (construction: ts.NewExpression) => checkStrategy(construction),
      [ts.SyntaxKind.CallExpression]: (call: ts.CallExpression) => {
        if (call.expression.kind === ts.SyntaxKind.SuperKeyword) {
          checkStrategy(call);
          return;
        }
        const verification = jwtVerification(context.values, call);
        if (!verification || verification.audience !== 'missing') return;
        // A middleware factory checks the bearer tokens of the requests it guards; a call checks its first argument.
        if (!verification.verifier.keyOption && !verifiesAccessToken(context.values, flow, call)) return;
        // A token signed with this server's own secret was issued by this server, for it.
        if (verifiesOwnTokens(context.values, call, verification.verifier)) return;
        // An 'aud' check written out after the signature check is as good as the option.
        const body = enclosingFunction(call)?.body;
        if (checksAudience(body, call)) {
          // `if (payload.aud && payload.aud !== RESOURCE)`: a token with no audience at all skips the check.
          const guard = audienceCheckedOnlyIfPresent(body);
          if (guard) context.report({ node: guard, messageId: 'audienceOnlyIfPresent' });
          return;
        }
        const callee = call.expression.getText().replace(/\s+/g, '');
        context.report({ node: call, messageId: 'jwtWithoutAudience', data: { call: callee.length > 40 ? verification.verifier.names[0]! : callee, option: verification.verifier.audienceOption } });
      },
      [ts.SyntaxKind.FunctionDeclaration]: (fn: ts.Node) => checkVerifier(fn),
      [ts.SyntaxKind.MethodDeclaration]: (fn: ts.Node) => checkVerifier(fn),
      [ts.SyntaxKind.ArrowFunction]: (fn: ts.Node) => checkVerifier(fn),
      [ts.SyntaxKind.FunctionExpression]: (fn: ts.Node) => checkVerifier(fn),
    };

    /** A passport-jwt strategy: its options say the audience, its class or `verify` callback may check `aud` itself. */
    function checkStrategy(node: ts.CallExpression | ts.NewExpression): void {
      const verification = passportJwtVerification(context.values, node);
      if (!verification || verification.audience !== 'missing') return;
      if (verifiesOwnTokens(context.values, node as ts.CallExpression, verification.verifier)) return;
      let owner: ts.Node | undefined = node.parent;
      while (owner && !ts.isClassLike(owner) && !ts.isSourceFile(owner)) owner = owner.parent;
      // The class's `validate`, or the `verify` callback handed to `new Strategy(…, verify)`.
      if (owner && ts.isClassLike(owner) && checksAudience(owner)) return;
      if (ts.isNewExpression(node) && node.arguments?.slice(1).some((argument) => checksAudience(argument))) return;
      context.report({ node, messageId: 'jwtWithoutAudience', data: { call: 'passport-jwt Strategy', option: 'audience' } });
    }

    function checkVerifier(fn: ts.Node): void {
      if (!isAccessTokenVerifier(fn) || checksAudience(fn.body)) return;
      const first = introspectionCalls(context.values, fn)[0];
      // Reported where the result is accepted (`if (!data.active) …`): the audience test belongs there.
      if (first) {
        context.report({ node: introspectionAcceptance(fn, first) ?? first, messageId: 'introspectionWithoutAudience' });
        return;
      }
      // An endpoint the file does not spell out (`fetch(this.endpoint)`, an `introspect(token)` helper):
      // a verifier that accepts a result by its `active` flag is reading an introspection response.
      const firstCall = firstCallIn(fn.body);
      const acceptance = firstCall && introspectionAcceptance(fn, firstCall);
      if (acceptance) context.report({ node: acceptance, messageId: 'introspectionWithoutAudience' });
    }
  },
});

/** The first call in a function body, in source order (not inside nested functions). */
function firstCallIn(body: ts.Node | undefined): ts.CallExpression | undefined {
  let found: ts.CallExpression | undefined;
  const visit = (node: ts.Node): void => {
    if (found || ts.isFunctionLike(node)) return;
    if (ts.isCallExpression(node)) {
      ts.forEachChild(node, visit);
      found ??= node;
      return;
    }
    ts.forEachChild(node, visit);
  };
  if (body) ts.forEachChild(body, visit);
  return found;
}

/**
 * `payload.aud && payload.aud !== RESOURCE` (or `if (payload.aud) { … }` holding the comparison):
 * an audience test that only runs when the claim is there. Returns the statement to report.
 */
function audienceCheckedOnlyIfPresent(body: ts.Node | undefined): ts.Node | undefined {
  let found: ts.Node | undefined;
  const isAudRead = (node: ts.Expression) => {
    let current = node;
    while (ts.isParenthesizedExpression(current)) current = current.expression;
    return (ts.isPropertyAccessExpression(current) && current.name.text === 'aud') || (ts.isElementAccessExpression(current) && ts.isStringLiteralLike(current.argumentExpression) && current.argumentExpression.text === 'aud');
  };
  const visit = (node: ts.Node): void => {
    if (found || (ts.isFunctionLike(node) && node !== body)) return;
    if (ts.isIfStatement(node)) {
      const condition = node.expression;
      // The leftmost operand of an `a && b && c` chain is the one every other operand depends on.
      let leftmost: ts.Expression = condition;
      while (ts.isBinaryExpression(leftmost) && leftmost.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) leftmost = leftmost.left;
      // …and a later operand reads `aud` again (the comparison the first one guards).
      if (leftmost !== condition && isAudRead(leftmost) && audMentions(condition) >= 2) found = node;
      else if (isAudRead(condition) && audMentions(node.thenStatement) >= 1) found = node;
      if (found) return;
    }
    ts.forEachChild(node, visit);
  };
  if (body) ts.forEachChild(body, visit);
  return found;
}

function audMentions(node: ts.Node): number {
  let count = ts.isIdentifier(node) && node.text === 'aud' ? 1 : 0;
  ts.forEachChild(node, (child) => {
    count += audMentions(child);
  });
  return count;
}
