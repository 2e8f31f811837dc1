/**
 * The only code that talks to GitHub. Each method is one endpoint (or one paginated list), so the
 * cost of a run can be read off this file, and a test can hand in a fake with the same shape.
 * Retries and throttling come from Probot's Octokit.
 */
import type { ProbotOctokit } from 'probot';
import { parse as parseYaml } from 'yaml';
import { CONFIG_LIMITS, configTooLarge } from '../../config/load.js';
import type { ChangedFile, CheckRunAnnotation, Conclusion } from '../../report/check-run.js';

export type InstallationOctokit = InstanceType<typeof ProbotOctokit>;

/** GitHub's hard limit on `pulls.listFiles`. */
export const MAX_LISTED_FILES = 3000;
export const CONFIG_PATH = '.github/mcp-oauth-guard.yml';

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface ExistingCheckRun {
  id: number;
  status: 'queued' | 'in_progress' | 'completed' | string;
  externalId: string | null;
  appId: number | null;
}

export interface ListedFile extends ChangedFile {
  /** Blob SHA at the head; for a submodule this is the submodule's commit. */
  sha: string;
  previousPath?: string;
}

export interface Blob {
  /** Bytes of the decoded content, as GitHub reports it. */
  size: number;
  content: string;
  encoding: string;
}

export interface TreeListing {
  /** Files by path: their blob id and size in bytes. */
  files: Map<string, { sha: string; size: number }>;
  /** GitHub left entries out of a very large tree. */
  truncated: boolean;
}

export interface LoadedConfig {
  /** The merged raw object (snake_case keys), or null when no file exists anywhere. */
  raw: unknown;
  /** The files that contributed, nearest first, as owner/repo/path. */
  files: string[];
}

export interface PullRequestState {
  number: number;
  state: string;
  headSha: string;
  changedFiles: number;
  updatedAt: string;
}

export interface CheckRunOutput {
  title: string;
  summary: string;
  annotations?: CheckRunAnnotation[];
}

export class GitHubClient {
  constructor(
    private readonly octokit: InstallationOctokit,
    readonly repository: RepoRef,
  ) {}

  /**
   * GET /repos/{o}/{r}/commits/{sha}/check-runs?check_name=…: the newest run of that name for the
   * SHA, and for one pull request when `externalId` (its number) is given.
   */
  async findCheckRun(headSha: string, name: string, appId: number | undefined, externalId?: string): Promise<ExistingCheckRun | undefined> {
    const { data } = await this.octokit.rest.checks.listForRef({ ...this.repository, ref: headSha, check_name: name, filter: 'all', per_page: 100 });
    const ours = data.check_runs
      .filter((run) => run.name === name && run.head_sha === headSha && (appId === undefined || run.app?.id === appId) && (externalId === undefined || run.external_id === externalId))
      .sort((a, b) => b.id - a.id)[0];
    return ours ? { id: ours.id, status: ours.status, externalId: ours.external_id ?? null, appId: ours.app?.id ?? null } : undefined;
  }

  /** POST /repos/{o}/{r}/check-runs */
  async createCheckRun(params: { name: string; headSha: string; externalId: string; startedAt: string; output: CheckRunOutput }): Promise<{ id: number; appId: number | null }> {
    const { data } = await this.octokit.rest.checks.create({
      ...this.repository,
      name: params.name,
      head_sha: params.headSha,
      status: 'in_progress',
      external_id: params.externalId,
      started_at: params.startedAt,
      output: params.output,
    });
    return { id: data.id, appId: data.app?.id ?? null };
  }

  /** PATCH /repos/{o}/{r}/check-runs/{id}: back to in_progress (a reused queued run). */
  async markInProgress(checkRunId: number, startedAt: string): Promise<void> {
    await this.octokit.rest.checks.update({ ...this.repository, check_run_id: checkRunId, status: 'in_progress', started_at: startedAt });
  }

  /** PATCH /repos/{o}/{r}/check-runs/{id} with a conclusion: the run is completed. */
  async completeCheckRun(checkRunId: number, params: { conclusion: Conclusion; completedAt: string; output: CheckRunOutput }): Promise<void> {
    await this.octokit.rest.checks.update({
      ...this.repository,
      check_run_id: checkRunId,
      status: 'completed',
      conclusion: params.conclusion,
      completed_at: params.completedAt,
      output: params.output,
    });
  }

  /** PATCH /repos/{o}/{r}/check-runs/{id}: appends annotations (title and summary must be repeated). */
  async appendOutput(checkRunId: number, output: CheckRunOutput): Promise<void> {
    await this.octokit.rest.checks.update({ ...this.repository, check_run_id: checkRunId, output });
  }

  /** GET /repos/{o}/{r}/pulls?state=open: the open PRs' numbers and heads, up to `max`. */
  async listOpenPullRequestHeads(max = 1000): Promise<{ number: number; headSha: string }[]> {
    const heads: { number: number; headSha: string }[] = [];
    for await (const page of this.octokit.paginate.iterator(this.octokit.rest.pulls.list, { ...this.repository, state: 'open', per_page: 100 })) {
      for (const pull of page.data) heads.push({ number: pull.number, headSha: pull.head.sha });
      if (heads.length >= max) break;
    }
    return heads.slice(0, max);
  }

  /** GET /repos/{o}/{r}/commits/{sha}/check-runs?check_name=…: every run of that name for the SHA, with when it started. */
  async listCheckRuns(headSha: string, name: string): Promise<(ExistingCheckRun & { startedAt: string | null })[]> {
    const { data } = await this.octokit.rest.checks.listForRef({ ...this.repository, ref: headSha, check_name: name, filter: 'all', per_page: 100 });
    return data.check_runs
      .filter((run) => run.name === name && run.head_sha === headSha)
      .map((run) => ({ id: run.id, status: run.status, externalId: run.external_id ?? null, appId: run.app?.id ?? null, startedAt: run.started_at ?? null }));
  }

  /** GET /repos/{o}/{r}/pulls/{n} */
  async getPullRequest(pullNumber: number): Promise<PullRequestState> {
    const { data } = await this.octokit.rest.pulls.get({ ...this.repository, pull_number: pullNumber });
    return { number: data.number, state: data.state, headSha: data.head.sha, changedFiles: data.changed_files, updatedAt: data.updated_at };
  }

  /** GET /repos/{o}/{r}/pulls/{n}/files, 100 a page, up to GitHub's 3,000. */
  async listPullRequestFiles(pullNumber: number): Promise<ListedFile[]> {
    const files: ListedFile[] = [];
    const pages = this.octokit.paginate.iterator(this.octokit.rest.pulls.listFiles, { ...this.repository, pull_number: pullNumber, per_page: 100 });
    for await (const page of pages) {
      for (const file of page.data) {
        files.push({
          path: file.filename,
          status: file.status,
          sha: file.sha ?? '',
          changes: file.changes,
          ...(file.patch !== undefined ? { patch: file.patch } : {}),
          ...(file.previous_filename !== undefined ? { previousPath: file.previous_filename } : {}),
        });
      }
      if (files.length >= MAX_LISTED_FILES) break;
    }
    return files.slice(0, MAX_LISTED_FILES);
  }

  /**
   * GET /repos/{o}/{r}/git/blobs/{sha}. Read from the base repository even for fork PRs: the
   * head commits of a PR are stored there, and the installation can read them.
   */
  async getBlob(blobSha: string, signal?: AbortSignal): Promise<Blob> {
    const { data } = await this.octokit.rest.git.getBlob({ ...this.repository, file_sha: blobSha, ...(signal ? { request: { signal } } : {}) });
    return blobFromResponse(data);
  }

  /**
   * GET /repos/{o}/{r}/git/trees/{sha}?recursive=1: the regular files at a commit that `keep`
   * accepts, with their blob ids and sizes. GitHub truncates the listing of a very large tree
   * (100,000 entries or 7 MB); `truncated` says so.
   */
  async listTree(commitSha: string, keep: (path: string) => boolean, signal?: AbortSignal): Promise<TreeListing> {
    const { data } = await this.octokit.rest.git.getTree({ ...this.repository, tree_sha: commitSha, recursive: 'true', ...(signal ? { request: { signal } } : {}) });
    const files = new Map<string, { sha: string; size: number }>();
    for (const entry of data.tree) {
      // Symbolic links (120000) and submodules (commits) are not files the analyzer reads.
      if (entry.type !== 'blob' || entry.mode === '120000' || !entry.path || !entry.sha || !keep(entry.path)) continue;
      files.set(entry.path, { sha: entry.sha, size: entry.size ?? 0 });
    }
    return { files, truncated: data.truncated === true };
  }

  /**
   * GET /repos/{o}/{r}/tarball/{ref}: the tree at `ref` as a gzipped tar, streamed. GitHub answers
   * with a redirect to codeload, which fetch follows; only the API request counts against limits.
   */
  async downloadTarball(ref: string): Promise<ReadableStream<Uint8Array>> {
    const response = await this.octokit.rest.repos.downloadTarballArchive({ ...this.repository, ref, request: { parseSuccessResponseBody: false } });
    return response.data as unknown as ReadableStream<Uint8Array>;
  }

  /**
   * `.github/mcp-oauth-guard.yml` from the default branch, with the organisation's `.github`
   * repository as fallback and `_extends` (Probot's lookup), but bounded: a file over
   * `CONFIG_LIMITS.maxBytes` is refused before it is parsed, and `_extends` may name only this
   * repository or the owner's `.github` repository. An installation can read other private
   * repositories of the owner; reading one into a summary every PR author sees would leak it.
   * Nested mappings merge; lists are replaced. Failures are plain errors that quote no content.
   */
  async loadConfig(): Promise<LoadedConfig> {
    const { owner, repo } = this.repository;
    const files: { ref: string; config: Record<string, unknown> }[] = [];
    let next: { repo: string; path: string } | undefined = { repo, path: CONFIG_PATH };
    let first = await this.readConfigFile(next.repo, next.path);
    if (first === undefined && repo !== '.github') {
      next = { repo: '.github', path: CONFIG_PATH };
      first = await this.readConfigFile(next.repo, next.path);
    }
    if (first === undefined) return { raw: null, files: [] };
    let current: Record<string, unknown> | undefined = first;
    while (current !== undefined && next !== undefined) {
      const ref = `${owner}/${next.repo}/${next.path}`;
      const { _extends: extendsValue, ...config } = current;
      files.push({ ref, config });
      if (extendsValue === undefined || extendsValue === null) break;
      if (files.length > CONFIG_LIMITS.maxExtends) throw new Error(`${ref}: '_extends' chains more than ${CONFIG_LIMITS.maxExtends} files`);
      next = allowedExtends(extendsValue, { owner, repo }, ref);
      if (files.some((file) => file.ref === `${owner}/${next!.repo}/${next!.path}`)) throw new Error(`${ref}: '_extends' loops back to a file already read`);
      current = await this.readConfigFile(next.repo, next.path);
      if (current === undefined) throw new Error(`${ref}: '_extends' names ${owner}/${next.repo}/${next.path}, which does not exist`);
    }
    // Nearest first; the farthest file is the base the nearer ones override.
    const raw = files.reduceRight<Record<string, unknown>>((merged, file) => deepMerge(merged, file.config), {});
    return { raw, files: files.map((file) => file.ref) };
  }

  /** GET /repos/{o}/{r}/contents/{path} (raw): the parsed mapping, or undefined when there is no such file. */
  private async readConfigFile(repo: string, path: string): Promise<Record<string, unknown> | undefined> {
    const ref = `${this.repository.owner}/${repo}/${path}`;
    let response;
    try {
      response = await this.octokit.request('GET /repos/{owner}/{repo}/contents/{path}', { owner: this.repository.owner, repo, path, mediaType: { format: 'raw' } });
    } catch (error) {
      if ((error as { status?: unknown }).status === 404) return undefined;
      throw error;
    }
    if (typeof response.data !== 'string') throw new Error(`${ref} is a directory or a submodule, not a file`);
    const bytes = Buffer.byteLength(response.data, 'utf8');
    if (bytes > CONFIG_LIMITS.maxBytes) throw new Error(configTooLarge(ref, bytes).message);
    let parsed: unknown;
    try {
      parsed = parseYaml(response.data, { maxAliasCount: 100, uniqueKeys: true, prettyErrors: true, logLevel: 'error' });
    } catch (error) {
      // The parser's message can quote the file; the position is enough to fix it.
      const position = (error as { linePos?: { line: number; col: number }[] }).linePos?.[0];
      throw new Error(`${ref} is not valid YAML${position ? ` (line ${position.line}, column ${position.col})` : ''}`);
    }
    if (parsed === null || parsed === undefined) return {};
    if (typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`${ref} must be a mapping of settings such as 'fail_on' and 'rules'`);
    return parsed as Record<string, unknown>;
  }
}

/** `_extends: .github`, `_extends: <this repo>`, optionally with `owner/` (this owner) and `:path.yml`; anything else is refused, unread. */
export function allowedExtends(value: unknown, here: RepoRef, from: string): { repo: string; path: string } {
  const match = typeof value === 'string' ? /^(?:([A-Za-z\d-]{1,39})\/)?([-_.\w]+)(?::([-_./\w]+\.ya?ml))?$/.exec(value.trim()) : null;
  if (!match) throw new Error(`${from}: '_extends' must be '.github' or '${here.repo}', optionally with ':<path>.yml'`);
  const [, owner, repo, path] = match;
  const sameOwner = owner === undefined || owner.toLowerCase() === here.owner.toLowerCase();
  const allowedRepo = repo!.toLowerCase() === '.github' || repo!.toLowerCase() === here.repo.toLowerCase();
  if (!sameOwner || !allowedRepo || (path !== undefined && path.split('/').includes('..'))) {
    throw new Error(`${from}: '_extends' may name only this repository or ${here.owner}/.github; other repositories are not read`);
  }
  return { repo: repo!, path: path ?? CONFIG_PATH };
}

/**
 * A blob from GitHub's answer. For blobs of about 6 MB and more Octokit hands back the JSON as
 * text rather than an object; it is parsed here, and anything without content is a clear error
 * (never an empty file, never "Received undefined").
 */
export function blobFromResponse(data: unknown): Blob {
  let body = data;
  if (typeof data === 'string') {
    try {
      body = JSON.parse(data);
    } catch {
      throw new Error(`GitHub's answer for this blob (${data.length} characters) is not the JSON the blob API returns`);
    }
  }
  const blob = body as { size?: unknown; content?: unknown; encoding?: unknown } | null;
  if (typeof blob !== 'object' || blob === null || typeof blob.content !== 'string' || typeof blob.encoding !== 'string') {
    throw new Error("GitHub's answer for this blob has no content");
  }
  return { size: typeof blob.size === 'number' ? blob.size : 0, content: blob.content, encoding: blob.encoding };
}

function deepMerge(base: Record<string, unknown>, override: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    // YAML can spell these keys; assigning them would change the object's prototype.
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    const current = result[key];
    result[key] = isPlainObject(current) && isPlainObject(value) ? deepMerge(current, value) : value;
  }
  return result;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
