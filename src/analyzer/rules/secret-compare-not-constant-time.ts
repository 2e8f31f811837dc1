import { ts } from '../engine/typescript.js';
import { SECRET_COMPARE_TEXT } from '../knowledge/mcp-authorization.js';
import { IncomingTokenFlow } from '../models/resource-server.js';
import { affixComparison, bufferEqualsComparison, listIncludesComparison, secretComparison } from '../models/secret-comparison.js';
import { defineRule } from './define.js';

/** How a message names a side: its code when short, else a shape. */
function label(node: ts.Expression): string {
  const text = node.getText().replace(/\s+/g, ' ');
  return text.length <= 60 ? text : `${text.slice(0, 57)}...`;
}

export const secretCompareNotConstantTime = defineRule({
  meta: {
    id: 'secret-compare-not-constant-time',
    description: 'A presented secret is compared with the expected one by an operator whose timing reveals how much matched.',
    defaultSeverity: 'warning',
    cwe: ['CWE-208'],
    securitySeverity: '5.9',
    precision: 'high',
    requiresText: SECRET_COMPARE_TEXT,
    messages: {
      timingCompare:
        "'{{presented}}' is compared with '{{expected}}' by '{{operator}}', which stops at the first differing character; compare with 'crypto.timingSafeEqual' on equal-length buffers (or compare SHA-256 digests of both).",
    },
  },
  create(context) {
    const flow = new IncomingTokenFlow(context.values);
    return {
      [ts.SyntaxKind.BinaryExpression]: (binary: ts.BinaryExpression) => {
        const found = secretComparison(context.values, flow, binary);
        if (!found) return;
        context.report({ node: binary, messageId: 'timingCompare', data: { presented: label(found.presented), expected: label(found.expected), operator: found.operator } });
      },
      [ts.SyntaxKind.CallExpression]: (call: ts.CallExpression) => {
        const found = bufferEqualsComparison(context.values, flow, call) ?? listIncludesComparison(context.values, flow, call) ?? affixComparison(context.values, flow, call);
        if (!found) return;
        context.report({ node: call, messageId: 'timingCompare', data: { presented: label(found.presented), expected: label(found.expected), operator: found.operator } });
      },
    };
  },
});
