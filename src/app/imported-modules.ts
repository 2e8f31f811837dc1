/**
 * The modules that a pull request's changed files import, read from the head commit so the
 * analyzer can follow values into them (a logger or a store defined in a file the PR does not
 * touch). They are context only: findings are reported in changed files alone. Reading them is
 * bounded per pull request in modules and bytes, and every GitHub request it makes is counted;
 * when a bound is reached the analysis goes on with what was read and the summary says so.
 *
 * Which module a specifier names is the project view's rule (`relativeCandidates`); which
 * specifiers a file has is read without the compiler (`relativeSpecifiers`), so this runs in the
 * webhook thread and the analysis stays in the worker pool.
 */
import type { InputFile } from '../analyzer/types.js';
import { isSupportedPath } from '../analyzer/paths.js';
import { DEFAULT_LINK_LIMITS, relativeCandidates, relativeSpecifiers } from '../analyzer/engine/specifiers.js';
import type { Blob, TreeListing } from './github/client.js';
import { decodeBlob, decodeFileBytes, formatBytes } from './files.js';

export interface ImportedModuleLimits {
  /** Modules read per pull request besides its changed files (0: none). */
  maxModules: number;
  /** Bytes of those modules per pull request. */
  maxBytes: number;
}

export const DEFAULT_IMPORTED_MODULE_LIMITS: ImportedModuleLimits = { maxModules: 200, maxBytes: 8 * 1024 * 1024 };

/**
 * `ANALYSIS_IMPORTED_MODULES` and `ANALYSIS_IMPORTED_BYTES` (both optional; 0 turns the reading
 * off). A value that is not a whole number is refused at start-up rather than silently replaced.
 */
export function importedModuleLimitsFromEnv(env: NodeJS.ProcessEnv): ImportedModuleLimits {
  return {
    maxModules: wholeNumber(env, 'ANALYSIS_IMPORTED_MODULES') ?? DEFAULT_IMPORTED_MODULE_LIMITS.maxModules,
    maxBytes: wholeNumber(env, 'ANALYSIS_IMPORTED_BYTES') ?? DEFAULT_IMPORTED_MODULE_LIMITS.maxBytes,
  };
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`mcp-oauth-guard: ${name} must be a whole number (0 or more), not '${raw}'.`);
  return value;
}

/** The head commit as the reader sees it; each call is one GitHub request. */
export interface HeadSnapshot {
  /** The supported source files at the head, with blob ids and sizes. */
  listTree(keep: (path: string) => boolean): Promise<TreeListing>;
  readBlob(sha: string): Promise<Blob>;
}

/** What the reading did, for the summary, the log and the tests. */
export interface ImportedModulesReport {
  /** Modules read (from the head commit or the tarball). */
  modules: number;
  bytes: number;
  /** GitHub requests made: the tree listing and one per blob. */
  apiRequests: number;
  /** Modules that existed but were not read because a bound was reached. */
  overBound: number;
  /** Which bound stopped the reading first. */
  bound?: 'modules' | 'bytes';
  /** Modules whose blob could not be fetched or decoded. */
  failed: number;
  /** Relative imports of changed files not followed because the reading is off (`maxModules` 0). */
  notFollowed: number;
  /** Why the head's file listing could not be read, when it could not. */
  listingFailed?: string;
  /** GitHub truncated the head's file listing: modules past it were not found. */
  listingTruncated?: boolean;
}

export interface ImportedModulesOptions {
  limits: ImportedModuleLimits;
  /** The analyzer's max file size: a larger module is not read (the analyzer would not follow into it). */
  maxFileBytes: number;
  /** The pull request's files that exist at the head (not removed), with their blob ids. */
  changed: ReadonlyMap<string, string>;
  head: HeadSnapshot;
  /** The configuration's include/exclude: a module it leaves out is not read, as the CLI's scan would not hold it. */
  isIncluded?: (path: string) => boolean;
  /** Files of the head already in hand (read from its tarball), by path. */
  fromTarball?: ReadonlyMap<string, Buffer>;
  /** Every regular file of the head, when the whole tarball was read: the listing then costs nothing. */
  tarballPaths?: ReadonlySet<string>;
  /** Blob reads at once. */
  concurrency?: number;
  /** Stops further reads (the app is stopping). */
  signal?: AbortSignal;
  describeError?: (error: unknown) => string;
}

type Listing = { has(path: string): boolean; sizeOf(path: string): number | undefined; shaOf(path: string): Promise<string | undefined> | string | undefined };

export class ImportedModules {
  private readonly report: ImportedModulesReport = { modules: 0, bytes: 0, apiRequests: 0, overBound: 0, failed: 0, notFollowed: 0 };
  /** Modules read so far (null: could not be read), shared by every batch of the job. */
  private readonly read = new Map<string, InputFile | null>();
  private readonly overBound = new Set<string>();
  /** Each module's imports as resolved paths, worked out once. */
  private readonly importsMemo = new Map<string, string[]>();
  private listing: Promise<Listing> | undefined;
  private reservedModules = 0;
  private reservedBytes = 0;

  constructor(private readonly options: ImportedModulesOptions) {}

  get summary(): Readonly<ImportedModulesReport> {
    return this.report;
  }

  /**
   * For each file of a batch, the modules it reaches through relative imports (other changed
   * files of the batch included), breadth first, at most as many as the analyzer opens for one
   * file. Never throws: what cannot be read is left out and counted.
   */
  async link(batch: readonly InputFile[]): Promise<Map<string, InputFile[]>> {
    const inBatch = new Map(batch.map((file) => [file.path, file]));
    const linked = new Map<string, InputFile[]>();
    for (const file of batch) {
      const modules = await this.reachableFrom(file, inBatch);
      if (modules.length > 0) linked.set(file.path, modules);
    }
    return linked;
  }

  private async reachableFrom(file: InputFile, inBatch: ReadonlyMap<string, InputFile>): Promise<InputFile[]> {
    const limit = DEFAULT_LINK_LIMITS.modules;
    const seen = new Set([file.path]);
    const found: InputFile[] = [];
    let frontier: InputFile[] = [file];
    // Breadth first: a file's own imports before what they import, as the analyzer is likelier to open them.
    while (frontier.length > 0 && found.length < limit) {
      const next: string[] = [];
      for (const module of frontier) {
        for (const target of await this.importsOf(module)) {
          if (seen.has(target)) continue;
          seen.add(target);
          next.push(target);
        }
      }
      const wanted = next.slice(0, limit - found.length);
      await this.readAll(wanted.filter((path) => !inBatch.has(path)));
      frontier = [];
      for (const path of wanted) {
        const module = inBatch.get(path) ?? this.read.get(path);
        if (!module) continue;
        found.push(module);
        frontier.push(module);
      }
    }
    return found;
  }

  /** The paths a module's relative imports resolve to at the head, as the project view would resolve them. */
  private async importsOf(module: InputFile): Promise<string[]> {
    const memo = this.importsMemo.get(module.path);
    if (memo) return memo;
    const specifiers = relativeSpecifiers(module.text);
    const targets: string[] = [];
    const { changed } = this.options;
    for (const specifier of specifiers) {
      const candidates = relativeCandidates(module.path, specifier);
      // A file of the pull request answers without the head's file list, so a PR whose imports stay inside it costs no request.
      let path = candidates.find((candidate) => changed.has(candidate) && isSupportedPath(candidate));
      if (path === undefined) {
        const listing = await this.listed();
        const included = this.options.isIncluded ?? (() => true);
        path = candidates.find((candidate) => listing.has(candidate) && isSupportedPath(candidate) && included(candidate));
      }
      // Off: only the pull request's own files are followed; the summary counts the imports left out.
      if (path === undefined && this.options.limits.maxModules === 0) this.report.notFollowed++;
      // A declaration file is never read through an import (`Project.read`); neither is a missing module.
      if (path !== undefined && !/\.d\.[cm]?ts$/.test(path) && !targets.includes(path)) targets.push(path);
    }
    this.importsMemo.set(module.path, targets);
    return targets;
  }

  /** The head's files: from the tarball when it was read whole, else one tree listing (once per job). */
  private listed(): Promise<Listing> {
    return (this.listing ??= this.list());
  }

  private async list(): Promise<Listing> {
    const { changed, tarballPaths } = this.options;
    // Off: no listing is asked for, and imports resolve to the pull request's files only.
    if (this.options.limits.maxModules === 0) return { has: (path) => changed.has(path), sizeOf: () => undefined, shaOf: (path) => changed.get(path) };
    if (tarballPaths) {
      // The tarball lists every file; a module it did not keep (past its byte allowance) needs the tree for its blob id.
      let tree: Promise<TreeListing | undefined> | undefined;
      return {
        has: (path) => tarballPaths.has(path) || changed.has(path),
        sizeOf: () => undefined,
        shaOf: async (path) => changed.get(path) ?? (await (tree ??= this.listTree()))?.files.get(path)?.sha,
      };
    }
    const tree = await this.listTree();
    // Without the listing, imports can still resolve to the pull request's own files.
    return {
      has: (path) => changed.has(path) || (tree?.files.has(path) ?? false),
      sizeOf: (path) => tree?.files.get(path)?.size,
      shaOf: (path) => changed.get(path) ?? tree?.files.get(path)?.sha,
    };
  }

  /** One tree listing of the head (one request); undefined when GitHub could not give it. */
  private async listTree(): Promise<TreeListing | undefined> {
    if (this.options.signal?.aborted) return undefined;
    this.report.apiRequests++;
    try {
      const tree = await this.options.head.listTree(isSupportedPath);
      if (tree.truncated) this.report.listingTruncated = true;
      return tree;
    } catch (error) {
      this.report.listingFailed = this.options.describeError?.(error) ?? (error instanceof Error ? error.message : String(error));
      return undefined;
    }
  }

  private async readAll(paths: readonly string[]): Promise<void> {
    const pending = paths.filter((path) => !this.read.has(path));
    const concurrency = Math.max(1, this.options.concurrency ?? 8);
    for (let start = 0; start < pending.length; start += concurrency) {
      await Promise.all(pending.slice(start, start + concurrency).map((path) => this.readOne(path)));
    }
  }

  private async readOne(path: string): Promise<void> {
    if (this.read.has(path) || this.overBound.has(path)) return;
    const { limits, maxFileBytes } = this.options;
    const listing = await this.listed();
    const staged = this.options.fromTarball?.get(path);
    const size = staged?.length ?? listing.sizeOf(path);
    // The analyzer would not follow into a module over the file size limit: reading it costs for nothing.
    if (size !== undefined && size > maxFileBytes) return void this.read.set(path, null);
    if (this.reservedModules >= limits.maxModules) return this.overTheBound(path, 'modules');
    if (this.reservedBytes + (size ?? 0) > limits.maxBytes) return this.overTheBound(path, 'bytes');
    this.reservedModules++;
    this.reservedBytes += size ?? 0;
    let module: InputFile | null = null;
    if (staged) {
      const decoded = decodeFileBytes(path, staged, maxFileBytes);
      module = decoded.kind === 'file' ? decoded.file : null;
    } else {
      const sha = await listing.shaOf(path);
      if (sha === undefined || this.options.signal?.aborted) {
        this.reservedModules--;
        this.reservedBytes -= size ?? 0;
        if (sha !== undefined) this.report.failed++;
        return void this.read.set(path, null);
      }
      this.report.apiRequests++;
      try {
        const decoded = decodeBlob(path, await this.options.head.readBlob(sha), maxFileBytes);
        module = decoded.kind === 'file' ? decoded.file : null;
      } catch {
        module = null;
      }
      if (!module) this.report.failed++;
    }
    if (module) {
      const bytes = Buffer.byteLength(module.text, 'utf8');
      if (size === undefined) {
        // A size the listing did not know (a changed file's blob) is counted now; past the bound, the module is not used.
        if (this.reservedBytes + bytes > limits.maxBytes) {
          this.reservedModules--;
          return this.overTheBound(path, 'bytes');
        }
        this.reservedBytes += bytes;
      }
      this.report.modules++;
      this.report.bytes += bytes;
    }
    this.read.set(path, module);
  }

  private overTheBound(path: string, bound: 'modules' | 'bytes'): void {
    this.overBound.add(path);
    this.report.overBound++;
    this.report.bound ??= bound;
  }
}

/**
 * What the summary says about the imported modules: what was read for context, and every reason
 * some were not (a bound, a failed listing, reading turned off). Empty when no changed file
 * imports another module.
 */
export function describeImportedModules(report: Readonly<ImportedModulesReport>, limits: ImportedModuleLimits): string[] {
  const lines: string[] = [];
  if (report.modules > 0) {
    lines.push(`Read ${count(report.modules, 'module')} (${formatBytes(report.bytes)}) that changed files import, from the head commit, to follow values into them; findings are reported in changed files only.`);
  }
  if (report.bound) {
    const which = report.bound === 'modules'
      ? `the limit of ${count(limits.maxModules, 'imported module')} per pull request (\`ANALYSIS_IMPORTED_MODULES\`)`
      : `the limit of ${formatBytes(limits.maxBytes)} of imported modules per pull request (\`ANALYSIS_IMPORTED_BYTES\`)`;
    lines.push(`**Note:** ${count(report.overBound, 'more imported module')} ${report.overBound === 1 ? 'was' : 'were'} not read: ${which} was reached. Values that pass through ${report.overBound === 1 ? 'it' : 'them'} were not followed, so a finding there may be missed.`);
  }
  if (report.notFollowed > 0) {
    lines.push(`**Note:** ${count(report.notFollowed, 'relative import')} of changed files ${report.notFollowed === 1 ? 'was' : 'were'} not followed: reading imported modules is turned off (\`ANALYSIS_IMPORTED_MODULES=0\`), so values defined outside the changed files were not followed.`);
  }
  if (report.listingFailed) lines.push(`**Note:** the head commit's file list could not be read (${report.listingFailed}), so only imports of files this pull request changes were followed.`);
  if (report.listingTruncated) lines.push('**Note:** GitHub truncated the head commit\'s file list (a very large repository), so modules missing from it were not followed.');
  if (report.failed > 0) lines.push(`**Note:** ${count(report.failed, 'imported module')} could not be read from the head commit and ${report.failed === 1 ? 'was' : 'were'} not followed.`);
  return lines;
}

function count(value: number, noun: string): string {
  return `${value.toLocaleString('en-US')} ${noun}${value === 1 ? '' : 's'}`;
}
