import { defineRule } from './define.js';

// PLACEHOLDER: being written; reports nothing yet.
export const broadScope = defineRule({
  meta: {
    id: 'broad-scope',
    description: 'TODO',
    defaultSeverity: 'error',
    cwe: [],
    securitySeverity: '5.0',
    precision: 'high',
    messages: { placeholder: 'TODO' },
  },
  create: () => ({}),
});
