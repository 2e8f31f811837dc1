import { ts } from '../engine/typescript.js';
import { REDIRECT_URI_TEXT } from '../knowledge/mcp-authorization.js';
import {
  authorizationResponseTo,
  looseCallCheck,
  looseComparison,
  requestedRedirectRead,
  responseTargetConfigured,
  responseTargetFromRequest,
  validatesRedirect,
  type RedirectCheck,
} from '../models/redirect-validation.js';
import { defineRule } from './define.js';

export const redirectUriNotExact = defineRule({
  meta: {
    id: 'redirect-uri-not-exact',
    description: 'An authorization server accepts a redirect URI that is not an exact match of a registered one.',
    defaultSeverity: 'error',
    cwe: ['CWE-601', 'CWE-20'],
    securitySeverity: '8.1',
    precision: 'high',
    requiresText: REDIRECT_URI_TEXT,
    messages: {
      notExact:
        "The requested redirect URI is checked with {{how}}, which also accepts URIs nobody registered (and sends the authorization code there); compare the whole string with the client's registered redirect URIs, letting only a loopback URI's port vary.",
      unvalidatedRedirect:
        "The authorization response goes to a redirect URI the request supplied, and nothing in this file compares it with the client's registered redirect URIs; look up the client and require an exact match before redirecting.",
      hostOnly:
        "The requested redirect URI is checked by {{how}}, so any path on that host receives the authorization code; compare the whole URI with the client's registered redirect URIs.",
    },
  },
  create(context) {
    const seen = new Set<ts.Node>();
    const report = (check: RedirectCheck | undefined) => {
      if (!check || seen.has(check.node)) return;
      seen.add(check.node);
      context.report({ node: check.node, messageId: check.kind === 'host' ? 'hostOnly' : 'notExact', data: { how: check.how } });
    };
    // Whole-file facts for redirects to a requested URI that is never checked.
    let readsRequestedUri = false;
    let validates = false;
    const responses: ts.Node[] = [];
    const observe = (node: ts.Node) => {
      if (!readsRequestedUri && (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node) || ts.isCallExpression(node))) {
        readsRequestedUri = requestedRedirectRead(context.values, node);
      }
      if (!validates && (ts.isCallExpression(node) || ts.isBinaryExpression(node))) validates = validatesRedirect(context.values, node);
      if ((ts.isCallExpression(node) || ts.isTemplateExpression(node)) && authorizationResponseTo(context.values, node)) {
        responses.push(node);
        // The client's redirect URI decoded out of the upstream state is the request's too.
        readsRequestedUri ||= responseTargetFromRequest(context.values, node);
      }
    };
    return {
      [ts.SyntaxKind.CallExpression]: (call: ts.CallExpression) => {
        report(looseCallCheck(context.values, call));
        observe(call);
      },
      [ts.SyntaxKind.BinaryExpression]: (binary: ts.BinaryExpression) => {
        report(looseComparison(context.values, binary));
        observe(binary);
      },
      [ts.SyntaxKind.PropertyAccessExpression]: observe,
      [ts.SyntaxKind.ElementAccessExpression]: observe,
      [ts.SyntaxKind.TemplateExpression]: observe,
      end: () => {
        if (!readsRequestedUri || validates || seen.size > 0) return;
        for (const node of responses) if (!responseTargetConfigured(context.values, node)) context.report({ node, messageId: 'unvalidatedRedirect' });
      },
    };
  },
});
