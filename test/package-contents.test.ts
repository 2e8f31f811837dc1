/**
 * What `npm pack` puts in the package: the product only (the CLI, the app, the analyzer and what
 * they load at run time). The simulator, bench, demo, soak, tests and fixtures need devDependencies
 * and must not ship. `lib/` is built fresh by the global setup, so stale output cannot hide here.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { ALL_RULES } from '../src/analyzer/rules/index.js';

interface PackedFile {
  path: string;
}

const packed = (): string[] => {
  // --ignore-scripts: `prepack` would rebuild lib/ while other test files use it.
  const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const [report] = JSON.parse(output) as Array<{ files: PackedFile[] }>;
  return report!.files.map((file) => file.path).sort();
};

/** lib/'s top-level folders that are product code (queue: the optional Redis queue mode). */
const PRODUCT_FOLDERS = ['analyzer', 'app', 'cli', 'config', 'pool', 'queue', 'report'];

describe('npm pack', () => {
  const files = packed();

  it('ships only the product: lib/ of the product folders, the rule docs, app.yml, package.json and the README', () => {
    const unexpected = files.filter((path) => {
      if (['package.json', 'README.md', 'LICENSE', 'app.yml'].includes(path)) return false;
      if (/^docs\/rules\/[a-z-]+\.md$/.test(path)) return false;
      const lib = /^lib\/(?:([^/]+)\/.+|[^/]+\.js(?:\.map)?)$/.exec(path);
      if (lib) return lib[1] !== undefined && !PRODUCT_FOLDERS.includes(lib[1]);
      return true;
    });
    expect(unexpected).toEqual([]);
  });

  it('has nothing of the simulator, bench, demo, soak, tests or fixtures', () => {
    expect(files.filter((path) => /simulator|bench|demo|soak|(^|\/)tests?\/|__tests__|\.test\.|\.spec\.|fixtures/.test(path))).toEqual([]);
  });

  it('has what the CLI and the app load at run time', () => {
    for (const needed of ['lib/cli/main.js', 'lib/app/index.js', 'lib/app/server.js', 'lib/pool/worker.js', 'app.yml']) expect(files).toContain(needed);
    for (const rule of ALL_RULES) expect(files).toContain(`docs/rules/${rule.meta.id}.md`);
  });

  it('runs no script when a consumer installs it (npm warns about install scripts)', () => {
    const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(Object.keys(scripts).filter((name) => ['preinstall', 'install', 'postinstall', 'prepare'].includes(name))).toEqual([]);
  });
});
