import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import { isSupportedPath } from '../analyzer/paths.js';
import { createPathFilter } from '../config/filter.js';
import { DEFAULT_EXCLUDE, type GuardConfig } from '../config/types.js';
import { readSmallTextFile } from './read.js';

/** Directories a walk never enters (unless --no-ignore): dependencies, VCS data, build output. */
export const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'build']);

export interface CollectedFile {
  absolutePath: string;
  /** Relative to the cwd with `/` separators: what every report shows. */
  path: string;
  /** Named on the command line: scanned whatever the filters say. */
  explicit: boolean;
}

export interface CollectOptions {
  cwd: string;
  config: GuardConfig;
  noIgnore: boolean;
}

export interface Collected {
  files: CollectedFile[];
  /** Command-line paths that do not exist. */
  missing: string[];
  /** Directories the walk did not enter (node_modules, dist, build, …), relative to the cwd: the hint for an empty scan. */
  skippedDirectories: string[];
}

/** `a\b` → `a/b`. */
export function toSlashes(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/**
 * Decides whether a file found by the walk is scanned. Pure.
 * Default exclusions apply below the directory the user named (so naming `node_modules/pkg`
 * scans it); the config's include/exclude apply to the path relative to the cwd, where the
 * config file lives, or relative to the named directory for a directory outside the cwd.
 */
export function createWalkFilter(config: GuardConfig, noIgnore: boolean): (pathFromCwd: string, pathFromRoot: string) => boolean {
  const defaultExcluded = noIgnore ? () => false : picomatch(DEFAULT_EXCLUDE, { dot: true });
  const configured = createPathFilter(config, { defaultExcludes: false });
  return (pathFromCwd, pathFromRoot) => {
    if (!isSupportedPath(pathFromRoot) || defaultExcluded(pathFromRoot)) return false;
    return configured(pathFromCwd.startsWith('../') ? pathFromRoot : pathFromCwd);
  };
}

/** One .gitignore's rules, anchored at its directory. */
interface IgnoreLevel {
  directory: string;
  rules: Ignore;
}

export async function collectFiles(paths: readonly string[], options: CollectOptions): Promise<Collected> {
  const found = new Map<string, CollectedFile>();
  const missing: string[] = [];
  const skippedDirectories: string[] = [];
  const filter = createWalkFilter(options.config, options.noIgnore);
  const toEntry = (absolutePath: string, explicit: boolean): CollectedFile => ({ absolutePath, path: toSlashes(relative(options.cwd, absolutePath)) || '.', explicit });

  for (const path of paths) {
    const absolutePath = resolve(options.cwd, path);
    const info = await stat(absolutePath).catch(() => undefined);
    if (!info) {
      missing.push(path);
    } else if (info.isDirectory()) {
      const levels = options.noIgnore ? [] : await ancestorIgnoreLevels(absolutePath);
      const onFile = (file: string) => {
        const entry = toEntry(file, false);
        if (!found.has(file) && filter(entry.path, toSlashes(relative(absolutePath, file)))) found.set(file, entry);
      };
      await walk(absolutePath, absolutePath, levels, options, onFile, (directory) => skippedDirectories.push(toSlashes(relative(options.cwd, directory)) || '.'));
    } else {
      found.set(absolutePath, toEntry(absolutePath, true));
    }
  }
  const files = [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, missing, skippedDirectories };
}

async function walk(
  root: string,
  directory: string,
  levels: IgnoreLevel[],
  options: CollectOptions,
  onFile: (path: string) => void,
  onSkippedDirectory: (path: string) => void,
): Promise<void> {
  const own = options.noIgnore ? undefined : await loadIgnoreFile(directory, '.gitignore');
  const active = own ? [...levels, own] : levels;
  const entries = await readdir(directory, { withFileTypes: true }).catch(() => []);
  entries.sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    // Symlinks are not followed: they can loop, and git stores them as links anyway.
    if (entry.isSymbolicLink()) continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if ((!options.noIgnore && SKIPPED_DIRECTORIES.has(entry.name)) || isIgnored(active, path, true)) {
        if (entry.name !== '.git') onSkippedDirectory(path);
        continue;
      }
      await walk(root, path, active, options, onFile, onSkippedDirectory);
    } else if (entry.isFile()) {
      if (!isSupportedPath(entry.name) || isIgnored(active, path, false)) continue;
      onFile(path);
    }
  }
}

/** Git's precedence: the deepest .gitignore with an opinion on the path decides. */
function isIgnored(levels: readonly IgnoreLevel[], path: string, isDirectory: boolean): boolean {
  for (let index = levels.length - 1; index >= 0; index--) {
    const level = levels[index]!;
    const relativePath = toSlashes(relative(level.directory, path)) + (isDirectory ? '/' : '');
    if (!relativePath || relativePath.startsWith('../')) continue;
    const verdict = level.rules.test(relativePath);
    if (verdict.ignored) return true;
    if (verdict.unignored) return false;
  }
  return false;
}

/** The .gitignore files between the enclosing git root and the walked directory (exclusive), plus .git/info/exclude. */
async function ancestorIgnoreLevels(directory: string): Promise<IgnoreLevel[]> {
  const ancestors: string[] = [];
  for (let current = dirname(directory); ; current = dirname(current)) {
    ancestors.unshift(current);
    if (existsSync(join(current, '.git')) || dirname(current) === current) break;
  }
  const gitRoot = ancestors[0]!;
  if (!existsSync(join(gitRoot, '.git')) && !existsSync(join(directory, '.git'))) return [];
  const levels: IgnoreLevel[] = [];
  const repositoryRoot = existsSync(join(directory, '.git')) ? directory : gitRoot;
  const exclude = await loadIgnoreFile(repositoryRoot, join('.git', 'info', 'exclude'));
  if (exclude) levels.push(exclude);
  if (repositoryRoot !== directory) {
    for (const ancestor of ancestors) {
      const level = await loadIgnoreFile(ancestor, '.gitignore');
      if (level) levels.push(level);
    }
  }
  return levels;
}

/** .gitignore files above this are not read (a FIFO or a huge file would stall the walk). */
const MAX_IGNORE_FILE_BYTES = 1024 * 1024;

async function loadIgnoreFile(directory: string, name: string): Promise<IgnoreLevel | undefined> {
  const read = await readSmallTextFile(join(directory, name), MAX_IGNORE_FILE_BYTES);
  if (!read.ok) return undefined;
  return { directory, rules: ignore().add(read.text) };
}
