import { Analyzer } from '../src/analyzer/index.js';
import { decodeBlob, selectFiles } from '../src/app/files.js';
import type { ListedFile } from '../src/app/github/client.js';
import { defaultConfig } from '../src/config/types.js';

/** Hostile PR file lists (issue 5): the app's pure file selection and decoding, with what the analyzer then makes of them. */

const config = defaultConfig();
const listed = (path: string, extra: Partial<ListedFile> = {}): ListedFile => ({
  path,
  status: 'added',
  patch: '@@ -0,0 +1 @@\n+export {};',
  changes: 1,
  sha: 'a'.repeat(40),
  ...extra,
});

test('a PR listing 3,000 files keeps every supported one, in order', () => {
  const files = Array.from({ length: 3000 }, (_, index) => listed(`src/tools/tool-${index}.ts`));
  const selection = selectFiles(files, config);
  expect(selection.candidates).toHaveLength(3000);
  expect(selection.candidates[2999]!.path).toBe('src/tools/tool-2999.ts');
});

test('submodule entries are skipped and named; removed and unsupported ones are ignored', () => {
  const selection = selectFiles(
    [
      listed('vendor/auth-lib.ts', { status: 'modified', patch: '@@ -1 +1 @@\n-Subproject commit ' + '1'.repeat(40) + '\n+Subproject commit ' + '2'.repeat(40) }),
      listed('src/old.ts', { status: 'removed' }),
      listed('docs/logo.png'),
      listed('src/renamed.ts', { status: 'renamed', previousPath: 'src/before.ts' }),
    ],
    config,
  );
  expect(selection.skipped).toEqual([{ path: 'vendor/auth-lib.ts', reason: 'submodule', detail: 'a submodule, not a file' }]);
  expect(selection.ignored).toEqual({ removed: 1, unsupported: 1, excluded: 0 });
  expect(selection.candidates.map((file) => file.path)).toEqual(['src/renamed.ts']);
});

test('a symlink entry named .ts (its blob is the target path) is analysed harmlessly', () => {
  const blob = { size: 17, encoding: 'base64', content: Buffer.from('../shared/auth.ts').toString('base64') };
  const decoded = decodeBlob('src/auth-link.ts', blob, config.maxFileBytes);
  expect(decoded.kind).toBe('file');
  if (decoded.kind !== 'file') return;
  const analysis = new Analyzer(config).analyzeFile(decoded.file);
  expect(analysis.findings).toEqual([]);
  expect(analysis.errors.every((error) => !error.fatal)).toBe(true);
});

test('paths with unicode and spaces pass through selection and decoding unchanged', () => {
  const path = 'src/mes outils/jeton ünïcode 🚀.ts';
  expect(selectFiles([listed(path)], config).candidates.map((file) => file.path)).toEqual([path]);
  const decoded = decodeBlob(path, { size: 9, encoding: 'base64', content: Buffer.from('export {}').toString('base64') }, config.maxFileBytes);
  expect(decoded).toEqual({ kind: 'file', file: { path, text: 'export {}' } });
});
