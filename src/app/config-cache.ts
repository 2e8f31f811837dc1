/**
 * Each repository's `.github/mcp-oauth-guard.yml`, kept between pull requests. Reading it costs one
 * or two API calls (the repository, then the organisation's `.github` fallback), and it changes
 * rarely: a push to a default branch that touches a config file drops what it may affect, and
 * an entry lives at most `ttlMs`, which bounds staleness when a push webhook is missed.
 * Pure bookkeeping: the caller supplies the clock and the loader.
 */
import { CONFIG_PATH, type LoadedConfig } from './github/client.js';

export interface ConfigCacheOptions {
  ttlMs?: number;
  maxEntries?: number;
}

export interface RepositoryKey {
  installationId: number;
  owner: string;
  repo: string;
}

/** What a push webhook says about one push, as far as configuration is concerned. */
export interface PushSummary {
  installationId: number;
  owner: string;
  repo: string;
  /** `refs/heads/main` */
  ref: string;
  defaultBranch: string;
  /** Paths added, modified or removed by the push's commits. */
  paths: string[];
  /**
   * The payload may not list every path: GitHub lists at most 20 commits, and a force-push,
   * a new or deleted branch do not describe their changes.
   */
  complete: boolean;
}

interface Entry {
  loaded: LoadedConfig;
  storedAt: number;
}

const DEFAULT_TTL_MS = 30 * 60_000;
const DEFAULT_MAX_ENTRIES = 10_000;

export class ConfigCache {
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;

  constructor(options: ConfigCacheOptions = {}) {
    this.ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
    this.maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The cached config, or what `load` reads (and is then cached). A load that fails is not cached. */
  async load(key: RepositoryKey, now: number, load: () => Promise<LoadedConfig>): Promise<{ loaded: LoadedConfig; cached: boolean }> {
    const id = keyOf(key);
    const entry = this.entries.get(id);
    if (entry && now - entry.storedAt < this.ttlMs) {
      // Refresh its place in the eviction order.
      this.entries.delete(id);
      this.entries.set(id, entry);
      return { loaded: entry.loaded, cached: true };
    }
    this.entries.delete(id);
    const loaded = await load();
    this.entries.set(id, { loaded, storedAt: now });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return { loaded, cached: false };
  }

  /** Drops the entries a push may have changed; returns how many. */
  invalidate(push: PushSummary): number {
    if (push.ref !== `refs/heads/${push.defaultBranch}`) return 0;
    const owner = push.owner.toLowerCase();
    const pushedRepo = `${owner}/${push.repo.toLowerCase()}`;
    const pushedFiles = new Set(push.paths.map((path) => `${pushedRepo}/${path.toLowerCase()}`));
    // An incomplete list may hide a config change; otherwise only config paths matter.
    const touchesConfig = !push.complete || push.paths.some(isConfigPath);
    const orgWide = push.repo.toLowerCase() === '.github';
    let dropped = 0;
    for (const [id, entry] of this.entries) {
      const [installation, repository] = id.split(' ') as [string, string];
      const sameInstallation = installation === String(push.installationId);
      const affected =
        (touchesConfig && sameInstallation && repository === pushedRepo) ||
        // The organisation's `.github` repository is every repository's fallback.
        (touchesConfig && sameInstallation && orgWide && repository.startsWith(`${owner}/`)) ||
        // A file the entry was built from, wherever `_extends` found it.
        entry.loaded.files.some((file) => pushedFiles.has(file.toLowerCase()) || (!push.complete && file.toLowerCase().startsWith(`${pushedRepo}/`)));
      if (affected) {
        this.entries.delete(id);
        dropped++;
      }
    }
    return dropped;
  }
}

function keyOf(key: RepositoryKey): string {
  return `${key.installationId} ${key.owner.toLowerCase()}/${key.repo.toLowerCase()}`;
}

/** Our config file, or another YAML file under `.github/` that `_extends` may point at. */
function isConfigPath(path: string): boolean {
  return path === CONFIG_PATH || /^\.github\/[^/]+\.ya?ml$/i.test(path);
}

/** Reads a `push` webhook payload. */
export function pushSummary(payload: {
  ref: string;
  created?: boolean;
  deleted?: boolean;
  forced?: boolean;
  installation?: { id: number } | null;
  repository: { name: string; owner: { login?: string; name?: string | null } | null; default_branch?: string; master_branch?: string };
  commits: { added?: string[]; removed?: string[]; modified?: string[] }[];
}): PushSummary | undefined {
  const owner = payload.repository.owner?.login ?? payload.repository.owner?.name ?? undefined;
  const defaultBranch = payload.repository.default_branch ?? payload.repository.master_branch;
  if (!payload.installation || !owner || !defaultBranch) return undefined;
  const paths = payload.commits.flatMap((commit) => [...(commit.added ?? []), ...(commit.modified ?? []), ...(commit.removed ?? [])]);
  return {
    installationId: payload.installation.id,
    owner,
    repo: payload.repository.name,
    ref: payload.ref,
    defaultBranch,
    paths,
    complete: !payload.created && !payload.deleted && !payload.forced && payload.commits.length < 20,
  };
}

/** CONFIG_CACHE_SECONDS: how long a repository's config is kept (0 turns the cache off). */
export function configCacheMsFromEnv(env: NodeJS.ProcessEnv): number {
  const raw = env.CONFIG_CACHE_SECONDS;
  if (raw === undefined || raw.trim() === '') return 1_800_000;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds < 0) throw new Error(`mcp-oauth-guard: CONFIG_CACHE_SECONDS must be a number of seconds (0 turns the cache off), not '${raw}'.`);
  return seconds * 1000;
}
