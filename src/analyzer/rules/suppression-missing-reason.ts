import { SUPPRESSION_TEXT } from '../knowledge/prefilter.js';
import { defineRule } from './define.js';

/**
 * The engine's own diagnostic: a suppression comment that names no rule, an unknown rule,
 * or gives no reason. Such a comment suppresses nothing; reviewers must see every exception's reason.
 */
export const suppressionMissingReason = defineRule({
  meta: {
    id: 'suppression-missing-reason',
    description: 'A mcp-oauth-guard-ignore comment without a rule id or a reason suppresses nothing.',
    defaultSeverity: 'note',
    cwe: [],
    securitySeverity: '0.0',
    precision: 'very-high',
    requiresText: SUPPRESSION_TEXT,
    messages: {
      missingReason: "Suppression of '{{rules}}' gives no reason, so it suppresses nothing; write 'mcp-oauth-guard-ignore {{rules}}: <why this is safe>'.",
      missingRule: "Suppression names no rule id, so it suppresses nothing; write 'mcp-oauth-guard-ignore <rule-id>: <reason>'.",
      unknownRule: "Suppression names unknown rule '{{unknown}}'{{suggestion}}, so it suppresses nothing for it.",
    },
  },
  // Reported by the engine from comments, not from syntax nodes.
  create: () => ({}),
});
