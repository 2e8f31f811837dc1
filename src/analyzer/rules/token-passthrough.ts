import { ts } from '../engine/typescript.js';
import { TOKEN_PASSTHROUGH_TEXT } from '../knowledge/mcp-authorization.js';
import { outboundFromAssignment, outboundFromCall, outboundFromConstruction, outboundFromProperty, type OutboundCredential } from '../models/outbound-credentials.js';
import { IncomingTokenFlow, isVerifiedTokenRead } from '../models/resource-server.js';
import { defineRule } from './define.js';

export const tokenPassthrough = defineRule({
  meta: {
    id: 'token-passthrough',
    description: 'An MCP server forwards the access token its client sent to another service.',
    defaultSeverity: 'error',
    cwe: ['CWE-441', 'CWE-285'],
    securitySeverity: '8.1',
    precision: 'high',
    requiresText: TOKEN_PASSTHROUGH_TEXT,
    messages: {
      headerPassthrough:
        "The {{source}} is sent onward as the {{sink}}; the upstream service must get its own token (RFC 8693 token exchange, or the server's own OAuth grant), not the one issued for this MCP server.",
      clientPassthrough:
        "The {{source}} becomes the {{sink}}; obtain a token issued for that service (token exchange or the server's own OAuth grant) instead of reusing the one issued for this MCP server.",
    },
  },
  create(context) {
    const flow = new IncomingTokenFlow(context.values);
    const check = (sink: OutboundCredential | undefined) => {
      if (!sink) return;
      const source = flow.sourceOf(sink.value);
      if (!source) return;
      const sourceLabel = isVerifiedTokenRead(context.values, source) ? "token the MCP client presented ('authInfo.token')" : "client's 'Authorization' header";
      context.report({
        node: sink.node,
        messageId: sink.label.includes('header') ? 'headerPassthrough' : 'clientPassthrough',
        data: { source: sourceLabel, sink: sink.label },
      });
    };
    return {
      [ts.SyntaxKind.PropertyAssignment]: (node: ts.PropertyAssignment) => check(outboundFromProperty(context.values, node)),
      [ts.SyntaxKind.CallExpression]: (node: ts.CallExpression) => check(outboundFromCall(context.values, node)),
      [ts.SyntaxKind.BinaryExpression]: (node: ts.BinaryExpression) => check(outboundFromAssignment(context.values, node)),
      [ts.SyntaxKind.NewExpression]: (node: ts.NewExpression) => check(outboundFromConstruction(context.values, node)),
    };
  },
});
