import { defineRule } from './define.js';

// PLACEHOLDER: being written; reports nothing yet.
export const missingPkce = defineRule({
  meta: {
    id: 'missing-pkce',
    description: 'TODO',
    defaultSeverity: 'error',
    cwe: [],
    securitySeverity: '5.0',
    precision: 'high',
    messages: { placeholder: 'TODO' },
  },
  create: () => ({}),
});
