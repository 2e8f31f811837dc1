import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { collectFiles, createWalkFilter } from '../../src/cli/files.js';
import { validateConfig } from '../../src/config/load.js';
import { defaultConfig, type GuardConfig } from '../../src/config/types.js';
import { makeProject } from './temp-project.js';

const code = 'export {};\n';

describe('collectFiles: the directory walk', () => {
  const project = makeProject({
    '.gitignore': 'generated/\n*.gen.ts\n!keep.gen.ts\n',
    '.git/info/exclude': 'scratch/\n',
    '.git/hooks/post-checkout.js': code,
    'src/server.ts': code,
    'src/keep.gen.ts': code,
    'src/other.gen.ts': code,
    'src/nested/.gitignore': 'local.ts\n!/again.gen.ts\n',
    'src/nested/local.ts': code,
    'src/nested/ok.mjs': code,
    'src/nested/again.gen.ts': code,
    'src/notes.md': '# notes\n',
    'generated/api.ts': code,
    'scratch/try.ts': code,
    'node_modules/pkg/index.js': code,
    'node_modules/pkg/dist/index.js': code,
    'dist/index.js': code,
    'packages/web/build/main.js': code,
    'packages/web/src/app.tsx': code,
    'vendor/oauth.min.js': code,
    'test/server.test.ts': code,
  });
  symlinkSync(join(project.root, 'src'), join(project.root, 'src-link'));
  mkdirSync(join(project.root, 'empty'));
  afterAll(() => project.cleanup());

  const options = (overrides: Partial<Parameters<typeof collectFiles>[1]> = {}) => ({ cwd: project.root, config: defaultConfig(), noIgnore: false, ...overrides });
  const paths = async (args: string[], overrides: Partial<Parameters<typeof collectFiles>[1]> = {}) =>
    (await collectFiles(args, options(overrides))).files.map((file) => file.path);

  test('skips dependencies, VCS data, build output, minified files, symlinks and what .gitignore files ignore', async () => {
    expect(await paths(['.'])).toEqual([
      'packages/web/src/app.tsx',
      'src/keep.gen.ts',
      'src/nested/again.gen.ts',
      'src/nested/ok.mjs',
      'src/server.ts',
      'test/server.test.ts',
    ]);
  });

  test('the .gitignore files above a walked subdirectory still apply', async () => {
    expect(await paths(['src'])).toEqual(['src/keep.gen.ts', 'src/nested/again.gen.ts', 'src/nested/ok.mjs', 'src/server.ts']);
  });

  test('files named on the command line are always scanned', async () => {
    const { files } = await collectFiles(['generated/api.ts', 'src/notes.md', 'node_modules/pkg/index.js'], options());
    expect(files.map((file) => [file.path, file.explicit])).toEqual([
      ['generated/api.ts', true],
      ['node_modules/pkg/index.js', true],
      ['src/notes.md', true],
    ]);
  });

  test('a directory named explicitly is walked even inside node_modules; its own nested output dirs are still skipped', async () => {
    expect(await paths(['node_modules/pkg'])).toEqual(['node_modules/pkg/index.js']);
  });

  test('--no-ignore walks everything except symlinks', async () => {
    const all = await paths(['.'], { noIgnore: true });
    expect(all).toEqual(expect.arrayContaining(['generated/api.ts', 'node_modules/pkg/dist/index.js', 'dist/index.js', 'vendor/oauth.min.js', 'scratch/try.ts', 'src/other.gen.ts', '.git/hooks/post-checkout.js']));
    expect(all.some((path) => path.startsWith('src-link/'))).toBe(false);
  });

  test('the config include/exclude apply relative to the cwd', async () => {
    const result = validateConfig({ include: ['src/**', 'packages/*/src/**'], exclude: ['**/nested/**'] });
    if (!result.ok) throw new Error('bad config');
    expect(await paths(['.'], { config: result.config })).toEqual(['packages/web/src/app.tsx', 'src/keep.gen.ts', 'src/server.ts']);
  });

  test('paths that do not exist are reported, files found twice are listed once', async () => {
    const collected = await collectFiles(['src', 'src/server.ts', 'nope', 'empty'], options());
    expect(collected.missing).toEqual(['nope']);
    expect(collected.files.filter((file) => file.path === 'src/server.ts')).toHaveLength(1);
  });
});

describe('createWalkFilter', () => {
  const config: GuardConfig = defaultConfig();
  test('default exclusions apply below the named directory only', () => {
    const filter = createWalkFilter(config, false);
    expect(filter('node_modules/pkg/index.js', 'index.js')).toBe(true);
    expect(filter('node_modules/pkg/lib/a.min.js', 'lib/a.min.js')).toBe(false);
    expect(filter('src/a.ts', 'src/a.ts')).toBe(true);
    expect(filter('src/a.json', 'src/a.json')).toBe(false);
  });
  test('a directory outside the cwd is matched relative to itself', () => {
    const result = validateConfig({ include: ['src/**'] });
    if (!result.ok) throw new Error('bad config');
    const filter = createWalkFilter(result.config, false);
    expect(filter('../other/src/a.ts', 'src/a.ts')).toBe(true);
    expect(filter('../other/scripts/a.ts', 'scripts/a.ts')).toBe(false);
  });
});
