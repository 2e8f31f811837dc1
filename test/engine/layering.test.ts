import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * Arrows run one way: rules → models → engine → knowledge, and the analyzer imports nothing of
 * the config, CLI, app or pool. Checked on the import statements of every analyzer source file.
 */
const ANALYZER = join(process.cwd(), 'src', 'analyzer');
/** Aliases kept for branches in flight (each says so in its header); nothing else may point up. */
const ALIASES = new Set(['engine/oauth-requests.ts']);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  return [...text.matchAll(/^(?:import|export)\b[^'"]*?from\s+'(\.[^']+)'/gm)].map((match) => resolve(dirname(path), match[1]!));
}

const layerOf = (path: string): string => relative(ANALYZER, path).split('/')[0]!;
const FORBIDDEN: Record<string, string[]> = {
  knowledge: ['engine', 'models', 'rules'],
  engine: ['models', 'rules'],
  models: ['rules'],
};

test.each(sources(ANALYZER).map((path) => [relative(ANALYZER, path), path]))('%s imports only downward', (name, path) => {
  const wrong: string[] = [];
  for (const target of importsOf(path)) {
    const inside = relative(ANALYZER, target);
    if (inside.startsWith('..')) {
      const outside = relative(join(ANALYZER, '..'), target).split('/')[0]!;
      if (['config', 'cli', 'app', 'pool'].includes(outside)) wrong.push(inside);
      continue;
    }
    if (!ALIASES.has(name) && FORBIDDEN[layerOf(path)]?.includes(layerOf(target))) wrong.push(inside);
  }
  expect(wrong).toEqual([]);
});

// Importing 'ts-morph' loads its wrapper and scans its bundle at every start; the compiler alone is cheaper.
test.each(sources(ANALYZER).filter((path) => !path.endsWith(join('engine', 'typescript.ts'))).map((path) => [relative(ANALYZER, path), path]))(
  '%s takes the compiler from engine/typescript.ts, not ts-morph',
  (_name, path) => {
    expect(readFileSync(path, 'utf8')).not.toMatch(/^import\b[^;]*from\s+'ts-morph'/m);
  },
);
