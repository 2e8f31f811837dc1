import { ts } from '../engine/typescript.js';
import { TOKEN_TEXT } from '../knowledge/prefilter.js';
import { WEAKNESS_TEXT } from '../knowledge/encryption.js';
import { StorageAnalysis, type StorageVerdict } from '../models/storage-sinks.js';
import { defineRule } from './define.js';

type MessageId = 'plaintextFile' | 'plaintextBrowser' | 'plaintextCookie' | 'plaintextServerCookie' | 'plaintextStore' | 'plaintextConfig' | 'weakCipher' | 'fileMode';

export const plaintextTokenStorage = defineRule<MessageId>({
  meta: {
    id: 'plaintext-token-storage',
    description: 'A token or other credential is written to a file, browser storage, a key-value store or a database without being encrypted.',
    defaultSeverity: 'error',
    cwe: ['CWE-312', 'CWE-922'],
    securitySeverity: '7.5',
    precision: 'high',
    requiresText: TOKEN_TEXT,
    messages: {
      plaintextFile:
        "'{{credential}}' is written in plaintext to a file by '{{sink}}'; encrypt it with AES-256-GCM under a separately held key, or keep it in the OS keychain.",
      plaintextBrowser:
        "'{{credential}}' is stored in plaintext in '{{storage}}' by '{{sink}}', where any script on the page can read it; keep it in memory, or let the server hold it behind an HttpOnly cookie.",
      plaintextCookie:
        "'{{credential}}' is written to 'document.cookie', where any script on the page can read it; let the server set it as an HttpOnly, Secure cookie instead.",
      plaintextServerCookie:
        "'{{credential}}' is set in a cookie by '{{sink}}' without 'httpOnly: true', so any script on the page can read it; pass '{ httpOnly: true, secure: true, sameSite: \"lax\" }'.",
      plaintextStore:
        "'{{credential}}' is stored in plaintext in {{storage}} by '{{sink}}'; encrypt it with AES-256-GCM under a separately held key, or store only its SHA-256 hash if it is only ever compared.",
      plaintextConfig:
        "'{{credential}}' is stored in plaintext in {{storage}} by '{{sink}}'; encrypt it first (Electron 'safeStorage', or AES-256-GCM under a separately held key), or keep it in the OS keychain.",
      weakCipher:
        "'{{credential}}' is encrypted with '{{algorithm}}' before '{{sink}}' stores it, which {{weakness}}; use 'aes-256-gcm'.",
      fileMode:
        "'{{credential}}' is written encrypted to a file by '{{sink}}' {{modeSet}}; pass '{ mode: 0o600 }' (or 'chmod' it right after) so other local users cannot read it.",
    },
  },
  create(context) {
    const report = (verdict: StorageVerdict): void => {
      const data = { credential: verdict.credential, sink: verdict.sink.name, storage: verdict.sink.storage ?? '' };
      switch (verdict.kind) {
        case 'plaintext':
          return context.report({ node: verdict.node, messageId: plaintextMessage(verdict.sink), data });
        case 'weak-cipher': {
          const { algorithm, weakness } = verdict.cipher!;
          return context.report({ node: verdict.node, messageId: 'weakCipher', severity: weakness === 'broken' ? 'warning' : 'note',
            data: { ...data, algorithm, weakness: WEAKNESS_TEXT[weakness] } });
        }
        case 'encrypted-file-without-mode':
          return context.report({ node: verdict.node, messageId: 'fileMode', severity: 'note', data: { ...data, modeSet: verdict.fileMode?.modeSet ?? 'without an owner-only mode' } });
      }
    };
    // `create` is probed with an inert context: build the analysis on the first visit only.
    let analysis: StorageAnalysis | undefined;
    const get = (): StorageAnalysis => (analysis ??= new StorageAnalysis(context.values, report));
    return {
      [ts.SyntaxKind.CallExpression]: (node: ts.CallExpression) => get().visitCall(node),
      [ts.SyntaxKind.NewExpression]: (node: ts.NewExpression) => get().visitNew(node),
      [ts.SyntaxKind.BinaryExpression]: (node: ts.BinaryExpression) => get().visitAssignment(node),
      [ts.SyntaxKind.TaggedTemplateExpression]: (node: ts.TaggedTemplateExpression) => get().visitTaggedTemplate(node),
    };
  },
});


/** Local JSON and config files get the desktop advice; servers get the database advice. */
const LOCAL_STORES = new Set(['a config file', 'a JSON file']);

function plaintextMessage(sink: StorageVerdict['sink']): MessageId {
  switch (sink.kind) {
    case 'file':
      return 'plaintextFile';
    case 'browser':
      return 'plaintextBrowser';
    case 'cookie':
      return 'plaintextCookie';
    case 'server-cookie':
      return 'plaintextServerCookie';
    case 'store':
      return LOCAL_STORES.has(sink.storage ?? '') ? 'plaintextConfig' : 'plaintextStore';
  }
}
