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
      introspectionWithoutAudience:
        "'verifyAccessToken' accepts the introspection result without checking its 'aud' (or resource); reject tokens whose audience is not this MCP server.",
    },
  },
  create(context) {
    const flow = new IncomingTokenFlow(context.values);
    return {
      [ts.SyntaxKind.CallExpression]: (call: ts.CallExpression) => {
        const verification = jwtVerification(context.values, call);
        if (!verification || verification.audience !== 'missing') return;
        if (!verifiesAccessToken(context.values, flow, call)) return;
        // A token signed with this server's own secret was issued by this server, for it.
        if (verifiesOwnTokens(context.values, call, verification.verifier)) return;
        // An 'aud' check written out after the signature check is as good as the option.
        if (checksAudience(enclosingFunction(call)?.body)) return;
        const callee = call.expression.getText().replace(/\s+/g, '');
        context.report({ node: call, messageId: 'jwtWithoutAudience', data: { call: callee.length > 40 ? verification.verifier.names[0]! : callee, option: verification.verifier.audienceOption } });
      },
      [ts.SyntaxKind.FunctionDeclaration]: (fn: ts.Node) => checkVerifier(fn),
      [ts.SyntaxKind.MethodDeclaration]: (fn: ts.Node) => checkVerifier(fn),
      [ts.SyntaxKind.ArrowFunction]: (fn: ts.Node) => checkVerifier(fn),
      [ts.SyntaxKind.FunctionExpression]: (fn: ts.Node) => checkVerifier(fn),
    };

    function checkVerifier(fn: ts.Node): void {
      if (!isAccessTokenVerifier(fn) || checksAudience(fn.body)) return;
      const first = introspectionCalls(context.values, fn)[0];
      // Reported where the result is accepted (`if (!data.active) …`): the audience test belongs there.
      if (first) context.report({ node: introspectionAcceptance(fn, first) ?? first, messageId: 'introspectionWithoutAudience' });
    }
  },
});
