import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

/**
 * Real published OAuth and MCP packages (and the runtime dependencies they ship with),
 * all installed as devDependencies, so every clone measures the same files.
 * An entry ending in `/*` takes every package of that scope.
 */
export const CORPUS_PACKAGES: readonly string[] = [
  '@modelcontextprotocol/sdk',
  'pkce-challenge',
  'eventsource',
  'eventsource-parser',
  'express',
  'express-rate-limit',
  'cors',
  '@hono/node-server',
  'google-auth-library',
  'gaxios',
  'gcp-metadata',
  'google-logging-utils',
  'simple-oauth2',
  '@hapi/*',
  'joi',
  'openid-client',
  'oauth4webapi',
  'jose',
  'jsonwebtoken',
  'jws',
  'arctic',
  '@oslojs/*',
  '@slack/oauth',
  '@slack/logger',
  '@slack/web-api',
  '@azure/msal-node',
  '@azure/msal-common',
  'probot',
  '@octokit/*',
];

export type ModuleType = 'module' | 'commonjs';

export interface CorpusFile {
  /** Absolute path on disk. */
  absolutePath: string;
  /** Stable display name: the path below node_modules (or below the generated root). */
  path: string;
  bytes: number;
  packageName: string;
  /** How Node would load it: decides ESLint's `sourceType` for `.js` files. */
  moduleType: ModuleType;
}

export interface CorpusPackage {
  name: string;
  version: string;
  files: number;
  bytes: number;
}

export interface Corpus {
  packages: CorpusPackage[];
  files: CorpusFile[];
  /** Files left out on purpose, with the reason (e.g. over the analyzer's size limit). */
  skipped: { path: string; reason: string }[];
}

const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const DECLARATION_SUFFIXES = ['.d.ts', '.d.mts', '.d.cts'];
const JAVASCRIPT_EXTENSIONS = ['.js', '.jsx', '.mjs', '.cjs'];

/** A source file the analyzer would read: not a declaration file, source map or minified bundle. */
export function isCorpusSourcePath(path: string): boolean {
  const lower = path.toLowerCase();
  if (!SOURCE_EXTENSIONS.some((ext) => lower.endsWith(ext))) return false;
  if (DECLARATION_SUFFIXES.some((suffix) => lower.endsWith(suffix))) return false;
  // The CLI's default exclude skips minified bundles, so the bench does too.
  return !lower.endsWith('.min.js');
}

/** JavaScript that ESLint's default parser (espree) can read; TypeScript needs typescript-eslint, which is not part of the compared setup. */
export function isJavaScriptPath(path: string): boolean {
  const lower = path.toLowerCase();
  return JAVASCRIPT_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** Expands `@scope/*` entries against what is installed; plain names pass through. */
export function expandPackageNames(nodeModulesDir: string, names: readonly string[]): string[] {
  const expanded: string[] = [];
  for (const name of names) {
    if (!name.endsWith('/*')) {
      expanded.push(name);
      continue;
    }
    const scope = name.slice(0, -2);
    const scopeDir = join(nodeModulesDir, scope);
    if (!existsSync(scopeDir)) continue;
    for (const entry of readdirSync(scopeDir).sort()) {
      if (existsSync(join(scopeDir, entry, 'package.json'))) expanded.push(`${scope}/${entry}`);
    }
  }
  return [...new Set(expanded)];
}

/**
 * Collects the corpus from installed packages: sorted, so every run and every child process
 * sees the same files in the same order. Nested node_modules are not part of a package's own code.
 */
export function collectCorpus(nodeModulesDir: string, packageNames: readonly string[], maxFileBytes: number): Corpus {
  const corpus: Corpus = { packages: [], files: [], skipped: [] };
  const moduleTypes = new ModuleTypeResolver();
  for (const name of expandPackageNames(nodeModulesDir, packageNames)) {
    const packageDir = join(nodeModulesDir, name);
    const manifestPath = join(packageDir, 'package.json');
    if (!existsSync(manifestPath)) throw new Error(`corpus package '${name}' is not installed (expected ${manifestPath}); run 'npm ci'`);
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version?: string };
    const entry: CorpusPackage = { name, version: manifest.version ?? 'unknown', files: 0, bytes: 0 };
    for (const absolutePath of listSourceFiles(packageDir)) {
      const path = toPosix(relative(nodeModulesDir, absolutePath));
      const bytes = statSync(absolutePath).size;
      if (bytes > maxFileBytes) {
        corpus.skipped.push({ path, reason: `${bytes} bytes is over the analyzer's ${maxFileBytes}-byte limit` });
        continue;
      }
      corpus.files.push({ absolutePath, path, bytes, packageName: name, moduleType: moduleTypes.typeOf(absolutePath, packageDir) });
      entry.files++;
      entry.bytes += bytes;
    }
    if (entry.files > 0) corpus.packages.push(entry);
  }
  return corpus;
}

function listSourceFiles(root: string): string[] {
  const found: string[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules') continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) pending.push(full);
      else if (entry.isFile() && isCorpusSourcePath(entry.name)) found.push(full);
    }
  }
  return found.sort();
}

/** Node's rule: `.mjs` is ESM, `.cjs` is CommonJS, `.js` follows the nearest package.json's "type". */
export class ModuleTypeResolver {
  private readonly byDirectory = new Map<string, ModuleType>();

  typeOf(filePath: string, packageRoot: string): ModuleType {
    const lower = filePath.toLowerCase();
    if (lower.endsWith('.mjs') || lower.endsWith('.mts')) return 'module';
    if (lower.endsWith('.cjs') || lower.endsWith('.cts')) return 'commonjs';
    return this.directoryType(dirname(filePath), packageRoot);
  }

  private directoryType(dir: string, packageRoot: string): ModuleType {
    const cached = this.byDirectory.get(dir);
    if (cached) return cached;
    let type: ModuleType;
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as { type?: string };
      type = parsed.type === 'module' ? 'module' : 'commonjs';
    } else if (dir === packageRoot || dirname(dir) === dir || !dir.startsWith(packageRoot)) {
      type = 'commonjs';
    } else {
      type = this.directoryType(dirname(dir), packageRoot);
    }
    this.byDirectory.set(dir, type);
    return type;
  }
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
