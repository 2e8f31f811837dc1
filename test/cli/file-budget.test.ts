import { join } from 'node:path';
import { analyzeCollected, CLI_FILE_BUDGET_MS, EXIT_ANALYSIS_ERROR, EXIT_FINDINGS, exitCodeFor } from '../../src/cli/scan.js';
import { defaultConfig } from '../../src/config/types.js';
import { makeProject } from './temp-project.js';

describe('the CLI per-file analysis budget', () => {
  const project = makeProject({
    'src/leak.ts': 'export function f(accessToken: string) {\n  console.log(accessToken);\n}\n',
    'src/ok.ts': 'export const add = (a: number, b: number) => a + b;\n',
  });
  afterAll(() => project.cleanup());
  const files = ['src/leak.ts', 'src/ok.ts'].map((path) => ({ absolutePath: join(project.root, path), path, explicit: false }));

  test('is two seconds by default', () => {
    expect(CLI_FILE_BUDGET_MS).toBe(2000);
  });

  test('a file past its budget is an error entry for that file and the exit code says the scan is incomplete', async () => {
    const { result } = await analyzeCollected(files, defaultConfig(), undefined, 0);
    expect(result.findings).toEqual([]);
    expect(result.errors).toEqual([
      { file: 'src/leak.ts', message: 'analysis took longer than the 0 ms per-file budget', fatal: true, budgetExceeded: true },
    ]);
    expect(exitCodeFor(result, 'never')).toBe(EXIT_ANALYSIS_ERROR);
  });

  test('within budget the same files give their findings', async () => {
    const { result } = await analyzeCollected(files, defaultConfig());
    expect(result.errors).toEqual([]);
    expect(result.findings.map((finding) => [finding.file, finding.ruleId, finding.line])).toEqual([['src/leak.ts', 'token-logged', 2]]);
    expect(exitCodeFor(result, 'error')).toBe(EXIT_FINDINGS);
  });
});
