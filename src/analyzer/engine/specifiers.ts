/**
 * Which paths a relative module specifier may name: the one resolution rule of the project view
 * (`Project.resolve`), kept free of the compiler so the app's webhook thread can use it to read a
 * pull request's imported modules before they are analysed in a worker.
 */

/** How far one file's analysis may follow imports. */
export interface LinkLimits {
  /** Modules one file's analysis may open through imports (re-export hops included). */
  modules: number;
  /** `export … from` hops followed for one name. */
  reexportHops: number;
}

export const DEFAULT_LINK_LIMITS: LinkLimits = { modules: 24, reexportHops: 6 };

/** Import specifiers written with a JavaScript extension name the TypeScript source in a TypeScript project. */
const SOURCE_FOR_OUTPUT: Record<string, string[]> = {
  '.js': ['.ts', '.tsx'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts'],
  '.cjs': ['.cts'],
};
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

export function isRelativeSpecifier(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..';
}

/**
 * The paths (relative to the scanned root, '/' separators) that `specifier`, written in the file
 * at `fromPath`, may load, in the order Node and TypeScript try them; empty for a package.
 */
export function relativeCandidates(fromPath: string, specifier: string): string[] {
  if (!isRelativeSpecifier(specifier)) return [];
  return candidatesFor(joinPath(dirnameOf(normalisePath(fromPath)), specifier.replace(/[?#].*$/, '')));
}

export function normalisePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^\.\//, '');
}

function dirnameOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/** `dir` joined with a relative specifier (a path of the scan only if the set has it). */
function joinPath(dir: string, specifier: string): string {
  const parts = dir ? dir.split('/') : [];
  for (const part of specifier.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      // Files outside the working directory have paths that start with '..' (`../shared/x.ts`): climb on there.
      if (parts.length === 0 || parts[parts.length - 1] === '..') parts.push('..');
      else parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

/** The paths a specifier may name, in the order Node and TypeScript try them. */
function candidatesFor(base: string): string[] {
  const candidates: string[] = [];
  const extension = /\.[cm]?[jt]sx?$/.exec(base)?.[0];
  if (extension) {
    candidates.push(base);
    for (const source of SOURCE_FOR_OUTPUT[extension] ?? []) candidates.push(base.slice(0, -extension.length) + source);
  }
  if (base !== '') for (const candidate of EXTENSIONS) candidates.push(base + candidate);
  for (const candidate of EXTENSIONS) candidates.push(`${base ? `${base}/` : ''}index${candidate}`);
  return candidates;
}

/**
 * `import … from`, `export … from` and bare `import '…'` declarations, `import x = require('…')`,
 * `require('…')` and `import('…')` with a relative string specifier. Written in one pass over the
 * text, without the parser: it may also match one in a comment or a string (the caller then reads
 * a module it did not need, within its bounds), never a computed one.
 */
const RELATIVE_SPECIFIER = /\b(?:(?:import|export)\b[^;'"`]{0,2000}?\bfrom\s*|import\s*|(?:require|import)\s*\(\s*)(['"`])(\.\.?(?:\/[^'"`\n\\]*)?)\1/g;

/** The relative module specifiers a file's text loads, each once, in the order written. */
export function relativeSpecifiers(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(RELATIVE_SPECIFIER)) found.add(match[2]!);
  return [...found];
}
