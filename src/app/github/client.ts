/**
 * The only code that talks to GitHub. Each method is one endpoint (or one paginated list), so the
 * cost of a run can be read off this file, and a test can hand in a fake with the same shape.
 * Retries and throttling come from Probot's Octokit.
 */
import type { ProbotOctokit } from 'probot';
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

  /** GET /repos/{o}/{r}/commits/{sha}/check-runs?check_name=…: the newest run of that name for the SHA. */
  async findCheckRun(headSha: string, name: string, appId: number | undefined): Promise<ExistingCheckRun | undefined> {
    const { data } = await this.octokit.rest.checks.listForRef({ ...this.repository, ref: headSha, check_name: name, filter: 'latest', per_page: 100 });
    const ours = data.check_runs
      .filter((run) => run.name === name && run.head_sha === headSha && (appId === undefined || run.app?.id === appId))
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
  async getBlob(blobSha: string): Promise<Blob> {
    const { data } = await this.octokit.rest.git.getBlob({ ...this.repository, file_sha: blobSha });
    return { size: data.size ?? 0, content: data.content, encoding: data.encoding };
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
   * repository as fallback and `_extends`: the same lookup as `context.config`, but it also
   * tells which files were read, for the summary. Nested mappings merge; lists are replaced.
   */
  async loadConfig(): Promise<LoadedConfig> {
    const { config, files } = await this.octokit.config.get({
      ...this.repository,
      path: CONFIG_PATH,
      defaults: (configs: object[]) => configs.reduce<Record<string, unknown>>((merged, next) => deepMerge(merged, next as Record<string, unknown>), {}),
    });
    const found = files.filter((file) => file.config !== null);
    if (found.length === 0) return { raw: null, files: [] };
    return { raw: config, files: found.map((file) => `${file.owner}/${file.repo}/${file.path}`) };
  }
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
