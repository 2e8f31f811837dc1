import { collectFiles } from '../src/cli/files.js';
import { analyzeCollected } from '../src/cli/scan.js';
import { defaultConfig } from '../src/config/types.js';

// We hold ourselves to our own gate: the project's source must pass its own analyzer,
// through the same file collection and reading the CLI uses.
test('the project scans its own src/ and reports nothing', async () => {
  const cwd = process.cwd();
  const config = defaultConfig();
  const { files, missing } = await collectFiles(['src'], { cwd, config, noIgnore: false });
  expect(missing).toEqual([]);
  expect(files.length).toBeGreaterThan(20);
  expect(files.some((file) => file.path === 'src/cli/scan.ts')).toBe(true);

  const { result } = await analyzeCollected(files, config);
  const describe = (items: { file: string; line?: number; ruleId?: string; message: string }[]) =>
    items.map((item) => `${item.file}${item.line ? `:${item.line}` : ''} ${item.ruleId ?? ''} ${item.message}`);
  expect(describe(result.findings)).toEqual([]);
  expect(describe(result.errors)).toEqual([]);
  expect(result.stats.analyzed).toBe(files.length);
});
