import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The static imports of a compiled module and everything it reaches (dynamic `import()` is not
 * followed: it runs only when called). Bare specifiers are collected, not followed.
 */
function staticImportGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    const source = readFileSync(file, 'utf8');
    // Static imports, and packages loaded through `createRequire(import.meta.url)('…')` (how the compiler is loaded).
    const specifiers = [
      ...source.matchAll(/^\s*(?:import|export)\s+(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm),
      ...source.matchAll(/createRequire\([^)]*\)\(\s*['"]([^'".][^'"]*)['"]\s*\)/g),
    ];
    for (const match of specifiers) {
      const specifier = match[1]!;
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier));
      else packages.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!);
    }
  };
  visit(entry);
  return { files, packages };
}

// The webhook server analyses in worker threads; loading the compiler here too would cost every
// replica about 80 MB for nothing (issue 4's memory target for a 3,000-file PR).
test('the app entry point does not load the TypeScript compiler into the webhook server', () => {
  const entry = join(process.cwd(), 'lib', 'app', 'index.js');
  expect(existsSync(entry)).toBe(true);
  const { files, packages } = staticImportGraph(entry);
  expect(files.size).toBeGreaterThan(10);
  expect(packages).toContain('piscina');
  expect([...packages].filter((name) => name === 'ts-morph' || name === 'typescript' || name.startsWith('@ts-morph'))).toEqual([]);
});

test('the analysis worker does load it (the graph check sees the compiler where it is)', () => {
  const { packages } = staticImportGraph(join(process.cwd(), 'lib', 'pool', 'worker.js'));
  expect(packages).toContain('@ts-morph/common');
});
