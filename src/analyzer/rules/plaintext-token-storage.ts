import { defineRule } from './define.js';

// PLACEHOLDER: being written; reports nothing yet.
export const plaintextTokenStorage = defineRule({
  meta: {
    id: 'plaintext-token-storage',
    description: 'TODO',
    defaultSeverity: 'error',
    cwe: [],
    securitySeverity: '5.0',
    precision: 'high',
    messages: { placeholder: 'TODO' },
  },
  create: () => ({}),
});
