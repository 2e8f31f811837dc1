import picomatch from 'picomatch';
import { isSupportedPath } from '../analyzer/paths.js';
import { DEFAULT_EXCLUDE, type GuardConfig } from './types.js';

export interface FilterOptions {
  /**
   * false: apply only the config's own include/exclude lists, not DEFAULT_EXCLUDE. The CLI's
   * directory walk already skips those below the directory the user named, so a user who names
   * `node_modules/some-package` explicitly still gets it scanned.
   */
  defaultExcludes?: boolean;
}

type PathFilter = (path: string) => boolean;

const GLOB_OPTIONS: picomatch.PicomatchOptions = { dot: true };
const cache = new WeakMap<GuardConfig, Map<boolean, PathFilter>>();

/** A predicate for relative `/`-separated paths: a supported extension, matched by include, not by exclude. */
export function createPathFilter(config: GuardConfig, options: FilterOptions = {}): PathFilter {
  const withDefaults = options.defaultExcludes !== false;
  let byMode = cache.get(config);
  const cached = byMode?.get(withDefaults);
  if (cached) return cached;

  const excludes = withDefaults ? config.exclude : config.exclude.filter((glob) => !DEFAULT_EXCLUDE.includes(glob));
  const included = config.include.length > 0 ? picomatch(config.include, GLOB_OPTIONS) : () => false;
  const excluded = excludes.length > 0 ? picomatch(excludes, GLOB_OPTIONS) : () => false;
  const filter: PathFilter = (path) => {
    const normalized = normalizePath(path);
    return isSupportedPath(normalized) && included(normalized) && !excluded(normalized);
  };

  if (!byMode) cache.set(config, (byMode = new Map()));
  byMode.set(withDefaults, filter);
  return filter;
}

export function isIncluded(path: string, config: GuardConfig, options: FilterOptions = {}): boolean {
  return createPathFilter(config, options)(path);
}

/** `.\src\a.ts` and `./src/a.ts` → `src/a.ts`. */
export function normalizePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}
