/**
 * Shared setup for the app's nock tests, in the style of Probot's template: a real Probot with
 * retries and throttling off, real webhook payloads from @octokit/webhooks-examples, and a
 * GitHub mock that records every check-run request so tests can assert what the app did.
 */
import { createRequire } from 'node:module';
import nock from 'nock';
import pino, { type Logger } from 'pino';
import { Probot, ProbotOctokit } from 'probot';
import { contentOfAddedFile } from '../../src/app/files.js';
import { gitBlobSha } from '../../src/git-object-id.js';
import { createGuardApp, type GuardApp, type GuardAppOptions } from '../../src/app/index.js';
import { PRIVATE_KEY } from '../helpers/private-key.js';
import { codeloadPrefix, gitArchiveTarGz } from '../support/simulator/tarball-writer.js';

export const APP_ID = 123;
export const INSTALLATION_ID = 1;
export const INSTALLATION_TOKEN = 'ghs_installationTokenForTests0000000000';
export const OWNER = 'Codertocat';
export const REPO = 'Hello-World';
export const API = 'https://api.github.com';
export const CODELOAD = 'https://codeload.github.com';
export const HEAD_SHA = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
export const NEWER_SHA = '4f3a0c5e1b2d9a8c7e6f5d4c3b2a190817263544';
export const PULL_NUMBER = 2;
export const CHECK_RUN_ID = 4242;

export { PRIVATE_KEY } from '../helpers/private-key.js';

const require = createRequire(import.meta.url);
interface ExampleGroup {
  name: string;
  examples: Record<string, any>[];
}
const examples = require('@octokit/webhooks-examples') as ExampleGroup[];

function example(name: string, action: string, predicate: (payload: Record<string, any>) => boolean = () => true): Record<string, any> {
  const found = examples.find((group) => group.name === name)?.examples.find((payload) => payload.action === action && predicate(payload));
  if (!found) throw new Error(`no ${name}.${action} example in @octokit/webhooks-examples`);
  return structuredClone(found);
}

/** The real `pull_request.<action>` example (Codertocat/Hello-World #2, installation 1), adjusted. */
export function pullRequestPayload(action: string, overrides: { headSha?: string; updatedAt?: string; changedFiles?: number; repositorySizeKb?: number } = {}): Record<string, any> {
  const payload = example('pull_request', action, (candidate) => Boolean(candidate.installation));
  payload.installation = { id: INSTALLATION_ID, node_id: 'MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMQ==' };
  // The example says 0 KB; a large repository keeps these tests on blob fetching unless they ask for the tarball.
  payload.repository.size = overrides.repositorySizeKb ?? 2_000_000;
  if (overrides.headSha) payload.pull_request.head.sha = overrides.headSha;
  if (overrides.updatedAt) payload.pull_request.updated_at = overrides.updatedAt;
  if (overrides.changedFiles !== undefined) payload.pull_request.changed_files = overrides.changedFiles;
  return payload;
}

/** The real `check_run.rerequested` example, pointed at our run on Codertocat/Hello-World. */
export function checkRunRerequestedPayload(options: { externalId: string; headSha?: string; appId?: number; name?: string }): Record<string, any> {
  const payload = example('check_run', 'rerequested');
  const repository = pullRequestPayload('opened').repository;
  payload.repository = repository;
  payload.installation = { id: INSTALLATION_ID, node_id: 'MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMQ==' };
  payload.check_run.name = options.name ?? 'MCP OAuth Guard';
  payload.check_run.head_sha = options.headSha ?? HEAD_SHA;
  payload.check_run.external_id = options.externalId;
  payload.check_run.app.id = options.appId ?? APP_ID;
  payload.check_run.pull_requests = [];
  return payload;
}

/** The real `check_suite.<action>` example (Codertocat/Hello-World). */
export function checkSuitePayload(action: 'requested' | 'rerequested', pulls: { number: number; headSha: string }[]): Record<string, any> {
  const payload = example('check_suite', action);
  payload.installation = { id: INSTALLATION_ID, node_id: 'MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMQ==' };
  payload.check_suite.head_sha = HEAD_SHA;
  payload.check_suite.pull_requests = pulls.map((pull) => ({ url: '', id: pull.number, number: pull.number, head: { ref: 'changes', sha: pull.headSha, repo: { id: 1, url: '', name: REPO } }, base: { ref: 'master', sha: 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e', repo: { id: 1, url: '', name: REPO } } }));
  return payload;
}

export function checkRunCreatedByAnotherApp(): Record<string, any> {
  const payload = example('check_run', 'created');
  payload.installation = { id: INSTALLATION_ID };
  return payload;
}

export interface TestApp {
  probot: Probot;
  logs: string[];
  /** The loaded app; `guard.close()` stops its worker pool, when it has one. */
  guard: GuardApp;
}

/** Probot's template turns retries and throttling off; fault tests turn retries on with tiny delays. */
export const NO_RETRIES = { retry: { enabled: false }, throttle: { enabled: false } };
export const FAST_RETRIES = { retry: { enabled: true, retries: 3, retryAfterBaseValue: 1 }, throttle: { enabled: false } };

/** A Probot with the guard loaded; logs at debug are captured, as a production run at LOG_LEVEL=debug would emit them. */
export async function loadGuard(options: GuardAppOptions = {}, log?: Logger, octokitOptions: Record<string, unknown> = NO_RETRIES): Promise<TestApp> {
  const logs: string[] = [];
  const logger = log ?? pino({ level: 'debug' }, { write: (line: string) => void logs.push(line) });
  const probot = new Probot({
    appId: APP_ID,
    privateKey: PRIVATE_KEY,
    log: logger,
    Octokit: ProbotOctokit.defaults((instanceOptions: Record<string, unknown>) => ({
      ...instanceOptions,
      ...octokitOptions,
    })),
  });
  // Each test scripts its config reads; the cache between PRs has its own tests (config-cache.test.ts).
  const guard = createGuardApp({ appId: APP_ID, env: {}, configCacheMs: 0, ...options });
  await probot.load(guard);
  return { probot, logs, guard };
}

export interface ListedFileFixture {
  filename: string;
  status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  sha: string;
  patch?: string;
  changes?: number;
  previous_filename?: string;
}

/** A file of the pull request with what GitHub serves for its blob: the content, or an error status. */
export interface ChangedFile extends ListedFileFixture {
  content?: string | Buffer;
  blobStatus?: number;
}

export interface CheckRunRequest {
  method: 'POST' | 'PATCH';
  path: string;
  body: Record<string, any>;
  /** The status the mock answered; only writes answered 2xx took effect. */
  status?: number;
}

/**
 * GitHub for one repository. Each method registers the mocks for one endpoint; `requests`
 * records every check-run write in order, for the assertions.
 */
export class GitHubMock {
  readonly requests: CheckRunRequest[] = [];
  readonly scope = nock(API);
  /** Files listed so far: the app rebuilds an added file from its patch and fetches no blob for it. */
  private readonly listed: ListedFileFixture[] = [];
  private nextRunId = CHECK_RUN_ID;

  /** Every request GitHub's API answered, as 'METHOD /path', in order (codeload not included). */
  readonly calls: string[] = [];

  constructor(readonly owner = OWNER, readonly repo = REPO) {
    this.scope.on('request', (request: { method: string; path: string }) => this.calls.push(`${request.method} ${request.path.replace(/\?.*$/, '')}`));
  }

  get repoPath(): string {
    return `/repos/${this.owner}/${this.repo}`;
  }

  installationToken(): this {
    this.scope.post(`/app/installations/${INSTALLATION_ID}/access_tokens`).reply(201, { token: INSTALLATION_TOKEN, expires_at: '2099-01-01T00:00:00Z', permissions: { checks: 'write', pull_requests: 'read', contents: 'read', metadata: 'read' } });
    return this;
  }

  existingRuns(sha: string, runs: { id: number; status: string; externalId?: string; appId?: number; name?: string }[] = [], times = 1): this {
    this.scope
      .get(`${this.repoPath}/commits/${sha}/check-runs`)
      .query((query) => query.check_name === 'MCP OAuth Guard')
      .times(times)
      .reply(200, {
        total_count: runs.length,
        check_runs: runs.map((run) => ({ id: run.id, name: run.name ?? 'MCP OAuth Guard', head_sha: sha, status: run.status, conclusion: run.status === 'completed' ? 'success' : null, external_id: run.externalId ?? String(PULL_NUMBER), app: { id: run.appId ?? APP_ID, slug: 'mcp-oauth-guard' } })),
      });
    return this;
  }

  createsRun(): this {
    const id = this.nextRunId++;
    this.scope.post(`${this.repoPath}/check-runs`).reply(201, (path, body) => {
      this.requests.push({ method: 'POST', path, body: body as Record<string, any> });
      return { id, name: (body as { name: string }).name, head_sha: (body as { head_sha: string }).head_sha, status: 'in_progress', app: { id: APP_ID } };
    });
    return this;
  }

  updatesRun(id = CHECK_RUN_ID, times = 1, status = 200): this {
    this.scope
      .patch(`${this.repoPath}/check-runs/${id}`)
      .times(times)
      .reply(status, (path, body) => {
        this.requests.push({ method: 'PATCH', path, body: body as Record<string, any>, status });
        return status < 300 ? { id, status: (body as { status?: string }).status ?? 'in_progress' } : { message: 'Unprocessable Entity' };
      });
    return this;
  }

  /** No `.github/mcp-oauth-guard.yml` in the repository nor in the organisation's `.github` repository. */
  noConfig(): this {
    this.scope.get(`${this.repoPath}/contents/${encodeURIComponent('.github/mcp-oauth-guard.yml')}`).reply(404, { message: 'Not Found' });
    this.scope.get(`/repos/${this.owner}/.github/contents/${encodeURIComponent('.github/mcp-oauth-guard.yml')}`).reply(404, { message: 'Not Found' });
    return this;
  }

  config(yamlText: string): this {
    this.scope.get(`${this.repoPath}/contents/${encodeURIComponent('.github/mcp-oauth-guard.yml')}`).reply(200, yamlText, { 'content-type': 'application/vnd.github.raw; charset=utf-8' });
    return this;
  }

  /** How every analysis of a commit without a run of ours begins: the lookup finds none, a run is created, the config is read. */
  startsAnalysis(sha = HEAD_SHA, configYaml?: string): this {
    this.existingRuns(sha).createsRun();
    return configYaml === undefined ? this.noConfig() : this.config(configYaml);
  }

  pullRequest(headSha: string, changedFiles: number, updatedAt = '2019-05-15T15:20:33Z'): this {
    const pull = pullRequestPayload('opened').pull_request;
    this.scope.get(`${this.repoPath}/pulls/${PULL_NUMBER}`).reply(200, { ...pull, head: { ...pull.head, sha: headSha }, changed_files: changedFiles, updated_at: updatedAt });
    return this;
  }

  files(files: ListedFileFixture[]): this {
    this.listed.push(...files);
    for (let page = 0; page * 100 < Math.max(files.length, 1); page++) {
      const chunk = files.slice(page * 100, page * 100 + 100);
      const last = (page + 1) * 100 >= files.length;
      const link: Record<string, string> = last ? {} : { link: `<${API}${this.repoPath}/pulls/${PULL_NUMBER}/files?per_page=100&page=${page + 2}>; rel="next"` };
      this.scope
        .get(`${this.repoPath}/pulls/${PULL_NUMBER}/files`)
        .query((query) => query.per_page === '100' && (query.page ?? '1') === String(page + 1))
        .reply(
          200,
          chunk.map((file) => ({ additions: file.changes ?? 1, deletions: 0, changes: file.changes ?? 1, blob_url: '', raw_url: '', contents_url: '', ...file })),
          link,
        );
    }
    return this;
  }

  /** Lists `files` and serves each one's blob, or the error status it stands for. */
  changedFiles(files: ChangedFile[]): this {
    this.files(files.map(({ content: _content, blobStatus: _blobStatus, ...listed }) => listed));
    for (const file of files) {
      if (file.blobStatus !== undefined) this.blobFails(file.sha, file.blobStatus);
      else if (file.content !== undefined) this.blob(file.sha, file.content);
    }
    return this;
  }

  blob(sha: string, content: string | Buffer): this {
    if (this.rebuiltFromPatch(sha)) return this;
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    this.scope.get(`${this.repoPath}/git/blobs/${sha}`).reply(200, { sha, size: bytes.length, encoding: 'base64', content: bytes.toString('base64').replace(/(.{60})/g, '$1\n'), url: '', node_id: '' });
    return this;
  }

  /** Whether the app reads this listed file from its patch (see `contentOfAddedFile`), so it never asks for the blob. */
  private rebuiltFromPatch(sha: string): boolean {
    const file = this.listed.find((candidate) => candidate.sha === sha);
    return file !== undefined && contentOfAddedFile({ path: file.filename, status: file.status, sha, patch: file.patch, changes: file.changes ?? 0 }) !== undefined;
  }

  /**
   * `GET /repos/{o}/{r}/tarball/{ref}`: GitHub's redirect to codeload, and codeload serving the
   * tree as `git archive` writes it (or `status` instead of the redirect).
   */
  tarball(ref: string, files: Record<string, string | Buffer>, status = 302): this {
    const location = `${CODELOAD}/${this.owner}/${this.repo}/legacy.tar.gz/${ref}`;
    if (status !== 302) {
      this.scope.get(`${this.repoPath}/tarball/${ref}`).reply(status, { message: 'Server Error' });
      return this;
    }
    this.scope.get(`${this.repoPath}/tarball/${ref}`).reply(302, '', { location });
    const tree = new Map(Object.entries(files).map(([path, content]) => [path, typeof content === 'string' ? Buffer.from(content, 'utf8') : content]));
    nock(CODELOAD)
      .get(`/${this.owner}/${this.repo}/legacy.tar.gz/${ref}`)
      .reply(200, gitArchiveTarGz({ commitSha: ref, prefix: codeloadPrefix(this.owner, this.repo, ref), mtimeSeconds: 1_700_000_000, files: tree }), { 'content-type': 'application/x-gzip' });
    return this;
  }

  /**
   * `GET /repos/{o}/{r}/git/trees/{sha}?recursive=1`: the files at a commit with their real blob
   * ids and sizes (or `status` instead).
   */
  tree(sha: string, files: Record<string, string | Buffer>, options: { truncated?: boolean; status?: number } = {}): this {
    const interceptor = this.scope.get(`${this.repoPath}/git/trees/${sha}`).query((query) => query.recursive === 'true');
    if (options.status !== undefined) {
      interceptor.reply(options.status, { message: 'Server Error' });
      return this;
    }
    const tree = Object.entries(files).map(([path, content]) => {
      const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
      return { path, mode: '100644', type: 'blob', sha: gitBlobSha(bytes), size: bytes.length, url: '' };
    });
    interceptor.reply(200, { sha, url: '', truncated: options.truncated ?? false, tree });
    return this;
  }

  blobFails(sha: string, status: number): this {
    this.scope.get(`${this.repoPath}/git/blobs/${sha}`).reply(status, { message: 'Server Error' });
    return this;
  }

  get creates(): CheckRunRequest[] {
    return this.requests.filter((request) => request.method === 'POST');
  }

  get updates(): CheckRunRequest[] {
    return this.requests.filter((request) => request.method === 'PATCH');
  }

  /** Updates GitHub accepted. */
  get acceptedUpdates(): CheckRunRequest[] {
    return this.updates.filter((request) => (request.status ?? 200) < 300);
  }

  /** The update that completed the run. */
  get completion(): Record<string, any> {
    const completed = this.acceptedUpdates.filter((request) => request.body.status === 'completed');
    if (completed.length !== 1) throw new Error(`expected exactly one completing update, saw ${completed.length}`);
    return completed[0]!.body;
  }

  get annotations(): Record<string, any>[] {
    return this.acceptedUpdates.flatMap((request) => request.body.output?.annotations ?? []);
  }
}

/** A unified diff that adds `lines` at the start of a new file. */
export function addedFilePatch(text: string): string {
  const lines = text.split('\n');
  return [`@@ -0,0 +1,${lines.length} @@`, ...lines.map((line) => `+${line}`)].join('\n');
}

/** A file the pull request adds, listed with a patch that adds each of its lines, and served as `content`. */
export function addedFile(filename: string, content: string, sha = blobSha(filename)): ChangedFile {
  const text = content.trimEnd();
  return { filename, status: 'added', sha, patch: addedFilePatch(text), changes: text.split('\n').length, content };
}

/** GitHub for the first analysis of the pull request's head: a token, a new run over `files`, completed in `updates` updates. */
export function gitHubForFirstRun(files: ChangedFile[], options: { config?: string; updates?: number } = {}): GitHubMock {
  return new GitHubMock()
    .installationToken()
    .startsAnalysis(HEAD_SHA, options.config)
    .changedFiles(files)
    .updatesRun(CHECK_RUN_ID, options.updates ?? 1);
}

/** Delivers `pull_request.<action>` to Probot directly, as if received over HTTP. */
export async function receivePullRequest(probot: Probot, action = 'opened', overrides: Parameters<typeof pullRequestPayload>[1] = {}, id = `delivery-${action}-${overrides.headSha ?? HEAD_SHA}`): Promise<void> {
  await probot.receive({ id, name: 'pull_request', payload: pullRequestPayload(action, overrides) as never });
}

/** Blob SHAs are content addresses; any 40 hex digits will do for the mock. */
export function blobSha(seed: string): string {
  let hex = '';
  for (let i = 0; hex.length < 40; i++) hex += ((seed.charCodeAt(i % seed.length) * 31 + i * 7) % 256).toString(16).padStart(2, '0');
  return hex.slice(0, 40);
}
