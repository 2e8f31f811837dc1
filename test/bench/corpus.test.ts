import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { collectCorpus, expandPackageNames, isCorpusSourcePath, isJavaScriptPath } from '../../tools/bench/corpus.js';

describe('bench corpus collection', () => {
  let nodeModules: string;
  const write = (path: string, text: string) => {
    const full = join(nodeModules, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  };

  beforeEach(() => {
    nodeModules = join(mkdtempSync(join(tmpdir(), 'bench-corpus-')), 'node_modules');
    write('oauth-lib/package.json', JSON.stringify({ name: 'oauth-lib', version: '2.1.0' }));
    write('oauth-lib/index.js', 'module.exports = {};');
    write('oauth-lib/index.d.ts', 'export {};');
    write('oauth-lib/index.js.map', '{}');
    write('oauth-lib/dist/esm/package.json', JSON.stringify({ type: 'module' }));
    write('oauth-lib/dist/esm/client.js', 'export const client = 1;');
    write('oauth-lib/dist/esm/deep/flow.js', 'export const flow = 1;');
    write('oauth-lib/dist/bundle.min.js', 'var a=1;');
    write('oauth-lib/src/client.ts', 'export const client: number = 1;');
    write('oauth-lib/src/types.d.mts', 'export {};');
    write('oauth-lib/legacy.cjs', 'module.exports = 1;');
    write('oauth-lib/huge.js', 'x'.repeat(2048));
    write('oauth-lib/node_modules/nested/index.js', 'module.exports = 1;');
    write('@scope/one/package.json', JSON.stringify({ name: '@scope/one', version: '1.0.0', type: 'module' }));
    write('@scope/one/index.js', 'export default 1;');
    write('@scope/two/package.json', JSON.stringify({ name: '@scope/two', version: '3.0.0' }));
    write('@scope/two/main.mjs', 'export default 2;');
    write('@scope/not-a-package/readme.md', '# no manifest');
  });

  afterEach(() => rmSync(dirname(nodeModules), { recursive: true, force: true }));

  it('keeps only the sources the analyzer reads', () => {
    expect(isCorpusSourcePath('lib/index.js')).toBe(true);
    expect(isCorpusSourcePath('src/server.mts')).toBe(true);
    expect(isCorpusSourcePath('index.d.ts')).toBe(false);
    expect(isCorpusSourcePath('index.d.cts')).toBe(false);
    expect(isCorpusSourcePath('index.js.map')).toBe(false);
    expect(isCorpusSourcePath('bundle.min.js')).toBe(false);
    expect(isJavaScriptPath('a.cjs')).toBe(true);
    expect(isJavaScriptPath('a.ts')).toBe(false);
  });

  it('expands scopes to the installed packages that have a manifest', () => {
    expect(expandPackageNames(nodeModules, ['oauth-lib', '@scope/*', '@missing/*'])).toEqual(['oauth-lib', '@scope/one', '@scope/two']);
  });

  it('collects sorted files with versions, module types and the oversize ones set aside', () => {
    const corpus = collectCorpus(nodeModules, ['oauth-lib', '@scope/*'], 1024);
    // Package order as listed, files sorted within each package.
    expect(corpus.files.map((file) => `${file.path} ${file.moduleType}`)).toEqual([
      'oauth-lib/dist/esm/client.js module',
      'oauth-lib/dist/esm/deep/flow.js module',
      'oauth-lib/index.js commonjs',
      'oauth-lib/legacy.cjs commonjs',
      'oauth-lib/src/client.ts commonjs',
      '@scope/one/index.js module',
      '@scope/two/main.mjs module',
    ]);
    expect(corpus.skipped).toEqual([{ path: 'oauth-lib/huge.js', reason: expect.stringContaining('2048 bytes') }]);
    expect(corpus.packages).toEqual([
      { name: 'oauth-lib', version: '2.1.0', files: 5, bytes: expect.any(Number) },
      { name: '@scope/one', version: '1.0.0', files: 1, bytes: 17 },
      { name: '@scope/two', version: '3.0.0', files: 1, bytes: 17 },
    ]);
  });

  it('names a corpus package that is not installed', () => {
    expect(() => collectCorpus(nodeModules, ['not-installed'], 1024)).toThrow(/not-installed.*npm ci/);
  });
});
