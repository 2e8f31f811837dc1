import { ts } from 'ts-morph';
import { REDIRECT_URI_TEXT } from '../knowledge/mcp-authorization.js';
import { looseCallCheck, looseComparison, type RedirectCheck } from '../models/redirect-validation.js';
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
    return {
      [ts.SyntaxKind.CallExpression]: (call: ts.CallExpression) => report(looseCallCheck(context.values, call)),
      [ts.SyntaxKind.BinaryExpression]: (binary: ts.BinaryExpression) => report(looseComparison(context.values, binary)),
    };
  },
});
