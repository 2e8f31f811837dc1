import type { ts } from '../engine/typescript.js';
import type { RuleModule } from '../engine/rule-module.js';

export type { RuleMeta, RuleModule, RuleVisitors } from '../engine/rule-module.js';

/** Types a rule so that a wrong messageId fails to compile. */
export function defineRule<MessageId extends string>(rule: RuleModule<MessageId>): RuleModule<MessageId> {
  return rule;
}

export type { ts };
