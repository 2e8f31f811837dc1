import type { AnalysisResult, Finding, RuleId, Severity } from '../../src/analyzer/types.js';

/** Source texts of the files the sample findings point into. */
export const SAMPLE_SOURCES = new Map<string, string>([
  [
    'src/auth/github.ts',
    [
      "import express from 'express';",
      'const app = express();',
      "const AUTHORIZE = 'https://github.com/login/oauth/authorize';",
      "app.get('/login', (_req, res) => res.redirect(`${AUTHORIZE}?client_id=abc&scope=repo`));",
      "app.get('/callback', async (req, res) => {",
      '\tconst tokens = await exchange(String(req.query.code));',
      '\tconsole.log(tokens.access_token);',
      '  // mcp-oauth-guard-ignore token-logged: local debugging build only, stripped in release',
      '  console.debug(tokens.refresh_token);',
      '});',
      '',
    ].join('\n'),
  ],
  ['src/store.js', "const fs = require('node:fs');\nfs.writeFileSync('tokens.json', JSON.stringify(tokens));\n"],
]);

export function finding(ruleId: RuleId, severity: Severity, file: string, line: number, column: number, endColumn: number, message: string): Finding {
  return { ruleId, severity, file, line, column, endLine: line, endColumn, message, messageId: 'sample', fingerprint: `${ruleId}-${file}-${line}` };
}

export function sampleResult(): AnalysisResult {
  return {
    findings: [
      finding('plaintext-token-storage', 'warning', 'src/store.js', 2, 1, 57, "Token 'tokens' is written to 'tokens.json' unencrypted."),
      finding('broad-scope', 'error', 'src/auth/github.ts', 4, 81, 85, "Scope 'repo' grants write access to all private repositories; 'public_repo' covers reading public repositories."),
      finding('token-logged', 'error', 'src/auth/github.ts', 7, 14, 33, "Token 'tokens.access_token' reaches 'console.log'."),
    ],
    suppressed: [
      {
        ...finding('token-logged', 'error', 'src/auth/github.ts', 9, 17, 37, "Token 'tokens.refresh_token' reaches 'console.debug'."),
        reason: 'local debugging build only, stripped in release',
      },
    ],
    errors: [
      { file: 'assets/logo.js', message: 'skipped: binary content (NUL bytes)', fatal: true },
      { file: 'src/broken.ts', message: '1 syntax error(s), first at line 3', fatal: false },
    ],
    stats: { files: 5, analyzed: 3 },
  };
}
