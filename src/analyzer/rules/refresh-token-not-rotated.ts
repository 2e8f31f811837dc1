import { defineRule } from './define.js';

// PLACEHOLDER: being written; reports nothing yet.
export const refreshTokenNotRotated = defineRule({
  meta: {
    id: 'refresh-token-not-rotated',
    description: 'TODO',
    defaultSeverity: 'error',
    cwe: [],
    securitySeverity: '5.0',
    precision: 'high',
    messages: { placeholder: 'TODO' },
  },
  create: () => ({}),
});
