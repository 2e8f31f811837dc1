/** The simulated GitHub's state: repositories, their files, pull requests, installations, tokens and check runs. */
import { randomBytes } from 'node:crypto';
import { gitBlobSha } from '../../../src/git-object-id.js';
import { looksBinary, syntheticCommitSha, unifiedPatch } from './git-objects.js';

export type PullRequestFileStatus = 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';

/** One change in a pull request, as the test describes it. Content is the file at the head (or base, for removals). */
export type FileChange =
  | { status: 'added'; filename: string; content: string | Buffer }
  | { status: 'modified'; filename: string; baseContent: string | Buffer; content: string | Buffer }
  | { status: 'removed'; filename: string; baseContent: string | Buffer }
  | {
      status: 'renamed';
      filename: string;
      previousFilename: string;
      content: string | Buffer;
      /** The content before the rename; the same as `content` for a pure rename. */
      baseContent?: string | Buffer;
    };

/** A PR file as GitHub's `pulls/list-files` knows it. */
export interface PullRequestFile {
  filename: string;
  status: PullRequestFileStatus;
  previousFilename?: string;
  /** Blob id at the head (at the base, for a removed file). */
  sha: string;
  additions: number;
  deletions: number;
  /** Absent for binary files, as on GitHub. */
  patch?: string;
}

export interface SimulatedPullRequest {
  owner: string;
  repo: string;
  number: number;
  id: number;
  title: string;
  state: 'open' | 'closed';
  draft: boolean;
  headRef: string;
  headSha: string;
  baseRef: string;
  baseSha: string;
  /** Set for a PR from a fork: the fork's `owner/name`. */
  headRepositoryFullName: string;
  files: PullRequestFile[];
  /** The tree at the head: base files with the PR's changes applied. */
  headTree: Map<string, Buffer>;
  createdAt: string;
  /** GitHub's `repository.size` when the PR was opened: KB of every object stored, as the webhook reports it. */
  repositorySizeKb: number;
}

export interface SimulatedRepository {
  id: number;
  owner: string;
  name: string;
  defaultBranch: string;
  private: boolean;
  /** The default branch's files (configuration lives here, as Probot reads it from the default branch). */
  files: Map<string, Buffer>;
  defaultBranchSha: string;
  /** When the repository was added; the default branch's commit time (archives stamp their entries with it). */
  createdAt: string;
  blobs: Map<string, Buffer>;
  pulls: Map<number, SimulatedPullRequest>;
}

export interface CheckAnnotationRecord {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string;
  raw_details?: string;
}

export interface SimulatedCheckRun {
  id: number;
  owner: string;
  repo: string;
  name: string;
  headSha: string;
  appId: number;
  checkSuiteId: number;
  status: 'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending';
  conclusion: 'success' | 'failure' | 'neutral' | 'cancelled' | 'skipped' | 'timed_out' | 'action_required' | null;
  startedAt: string;
  completedAt: string | null;
  externalId: string | null;
  detailsUrl: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
  annotations: CheckAnnotationRecord[];
  /** Every create/update body the app sent for this run, in order. */
  writes: Array<{ operationId: 'checks/create' | 'checks/update'; at: number; body: Record<string, unknown> }>;
  /** Wall-clock milliseconds when the run was created and when it first reached `completed`. */
  createdAtMs: number;
  completedAtMs: number | null;
}

export interface SimulatedInstallation {
  id: number;
  account: string;
  /** `owner/name` of the repositories the installation may read. */
  repositories: Set<string>;
}

export interface InstallationToken {
  token: string;
  installationId: number;
  expiresAt: Date;
}

export interface AddRepositoryOptions {
  owner: string;
  name: string;
  defaultBranch?: string;
  private?: boolean;
  /** Files on the default branch, by path. */
  files?: Record<string, string | Buffer>;
}

export interface AddPullRequestOptions {
  owner: string;
  repo: string;
  number?: number;
  title?: string;
  headRef?: string;
  /** `owner/name` of a fork the PR comes from; defaults to the base repository. */
  headRepositoryFullName?: string;
  draft?: boolean;
  changes: FileChange[];
}

const toBuffer = (content: string | Buffer): Buffer => (typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
const asText = (content: Buffer | undefined): string | undefined => content?.toString('utf8');

/** A commit the simulator can serve an archive of. */
export interface SimulatedCommit {
  sha: string;
  tree: Map<string, Buffer>;
  committedAt: string;
}

/** GitHub's archive links for private repositories carry a token that expires after five minutes. */
const ARCHIVE_TOKEN_LIFETIME_MS = 5 * 60 * 1000;

export class GitHubWorld {
  readonly repositories = new Map<string, SimulatedRepository>();
  readonly installations = new Map<number, SimulatedInstallation>();
  readonly tokens = new Map<string, InstallationToken>();
  /** Codeload tokens for private repositories' archive links: token to `owner/name` and expiry. */
  readonly archiveTokens = new Map<string, { repository: string; expiresAt: number }>();
  readonly checkRuns: SimulatedCheckRun[] = [];
  private nextId = 1000;

  constructor(readonly appId: number) {}

  newId(): number {
    return this.nextId++;
  }

  addRepository(options: AddRepositoryOptions): SimulatedRepository {
    const key = `${options.owner}/${options.name}`;
    if (this.repositories.has(key)) throw new Error(`Repository ${key} already exists in the simulator`);
    const files = new Map(Object.entries(options.files ?? {}).map(([path, content]) => [path, toBuffer(content)]));
    const repository: SimulatedRepository = {
      id: this.newId(),
      owner: options.owner,
      name: options.name,
      defaultBranch: options.defaultBranch ?? 'main',
      private: options.private ?? false,
      files,
      defaultBranchSha: syntheticCommitSha(key, 'default-branch', ...[...files.keys()].sort()),
      createdAt: new Date().toISOString(),
      blobs: new Map(),
      pulls: new Map(),
    };
    for (const content of files.values()) repository.blobs.set(gitBlobSha(content), content);
    this.repositories.set(key, repository);
    return repository;
  }

  repository(owner: string, name: string): SimulatedRepository | undefined {
    return this.repositories.get(`${owner}/${name}`);
  }

  /** Writes a file on a repository's default branch (e.g. `.github/mcp-oauth-guard.yml`). */
  setDefaultBranchFile(owner: string, name: string, path: string, content: string | Buffer | undefined): void {
    const repository = this.requireRepository(owner, name);
    if (content === undefined) repository.files.delete(path);
    else {
      const buffer = toBuffer(content);
      repository.files.set(path, buffer);
      repository.blobs.set(gitBlobSha(buffer), buffer);
    }
  }

  addPullRequest(options: AddPullRequestOptions): SimulatedPullRequest {
    const repository = this.requireRepository(options.owner, options.repo);
    const number = options.number ?? Math.max(0, ...repository.pulls.keys()) + 1;
    if (repository.pulls.has(number)) throw new Error(`PR #${number} already exists in ${options.owner}/${options.repo}`);

    const headTree = new Map(repository.files);
    const files: PullRequestFile[] = [];
    for (const change of options.changes) {
      const head = 'content' in change ? toBuffer(change.content) : undefined;
      const base = 'baseContent' in change && change.baseContent !== undefined ? toBuffer(change.baseContent) : undefined;
      const before = change.status === 'renamed' ? (base ?? head) : base;
      for (const content of [head, before]) if (content) repository.blobs.set(gitBlobSha(content), content);
      if (change.status === 'renamed') headTree.delete(change.previousFilename);
      if (head) headTree.set(change.filename, head);
      else headTree.delete(change.filename);

      const shown = head ?? before;
      if (!shown) throw new Error(`Change to ${change.filename} has no content`);
      const binary = looksBinary(shown) || (before !== undefined && looksBinary(before));
      const { patch, additions, deletions } = binary
        ? { patch: undefined, additions: 0, deletions: 0 }
        : unifiedPatch(asText(change.status === 'added' ? undefined : before), asText(head));
      files.push({
        filename: change.filename,
        status: change.status,
        ...(change.status === 'renamed' ? { previousFilename: change.previousFilename } : {}),
        sha: gitBlobSha(shown),
        additions,
        deletions,
        // GitHub omits `patch` when there is no textual change to show.
        ...(patch ? { patch } : {}),
      });
    }

    const headRef = options.headRef ?? `pr-${number}`;
    const pull: SimulatedPullRequest = {
      owner: options.owner,
      repo: options.repo,
      number,
      id: this.newId(),
      title: options.title ?? `Pull request #${number}`,
      state: 'open',
      draft: options.draft ?? false,
      headRef,
      headSha: syntheticCommitSha(
        `${options.owner}/${options.repo}#${number}`,
        ...files.map((file) => `${file.status}:${file.filename}:${file.sha}`),
      ),
      baseRef: repository.defaultBranch,
      baseSha: repository.defaultBranchSha,
      headRepositoryFullName: options.headRepositoryFullName ?? `${options.owner}/${options.repo}`,
      files,
      headTree,
      createdAt: new Date().toISOString(),
      repositorySizeKb: repositorySizeKb(repository),
    };
    repository.pulls.set(number, pull);
    return pull;
  }

  addInstallation(id: number, account: string, repositories: string[]): SimulatedInstallation {
    const installation: SimulatedInstallation = { id, account, repositories: new Set(repositories) };
    this.installations.set(id, installation);
    return installation;
  }

  issueToken(installationId: number, lifetimeMs = 60 * 60 * 1000): InstallationToken {
    const token: InstallationToken = {
      token: `ghs_${randomBytes(27).toString('base64url').slice(0, 36)}`,
      installationId,
      expiresAt: new Date(Date.now() + lifetimeMs),
    };
    this.tokens.set(token.token, token);
    return token;
  }

  /** Whether a commit id names the default branch or a PR head/base in the repository. */
  knowsCommit(repository: SimulatedRepository, sha: string): boolean {
    if (sha === repository.defaultBranchSha) return true;
    for (const pull of repository.pulls.values()) if (pull.headSha === sha || pull.baseSha === sha) return true;
    return false;
  }

  /** The tree a `ref` (branch name, PR head ref or commit id) names; undefined when unknown. */
  treeAt(repository: SimulatedRepository, ref: string | undefined): Map<string, Buffer> | undefined {
    if (ref === undefined || ref === repository.defaultBranch || ref === repository.defaultBranchSha) return repository.files;
    for (const pull of repository.pulls.values()) {
      if (ref === pull.headSha || ref === pull.headRef) return pull.headTree;
      if (ref === pull.baseSha) return repository.files;
    }
    return undefined;
  }

  /** The commit a `ref` (default branch name, PR head ref, or a known commit id) names; undefined when unknown. */
  commitAt(repository: SimulatedRepository, ref: string): SimulatedCommit | undefined {
    const defaultBranch = { sha: repository.defaultBranchSha, tree: repository.files, committedAt: repository.createdAt };
    if (ref === repository.defaultBranch || ref === repository.defaultBranchSha) return defaultBranch;
    for (const pull of repository.pulls.values()) {
      if (ref === pull.headSha || ref === pull.headRef) return { sha: pull.headSha, tree: pull.headTree, committedAt: pull.createdAt };
      if (ref === pull.baseSha) return defaultBranch;
    }
    return undefined;
  }

  issueArchiveToken(repository: SimulatedRepository): string {
    const token = randomBytes(20).toString('hex');
    this.archiveTokens.set(token, { repository: `${repository.owner}/${repository.name}`, expiresAt: Date.now() + ARCHIVE_TOKEN_LIFETIME_MS });
    return token;
  }

  /** Whether a codeload link's token opens this repository (a public repository needs none). */
  archiveTokenOpens(repository: SimulatedRepository, token: string | null): boolean {
    if (!repository.private) return true;
    const grant = token === null ? undefined : this.archiveTokens.get(token);
    return grant !== undefined && grant.repository === `${repository.owner}/${repository.name}` && grant.expiresAt > Date.now();
  }

  checkRunsFor(owner: string, repo: string, headSha?: string): SimulatedCheckRun[] {
    return this.checkRuns.filter(
      (run) => run.owner === owner && run.repo === repo && (headSha === undefined || run.headSha === headSha),
    );
  }

  private requireRepository(owner: string, name: string): SimulatedRepository {
    const repository = this.repository(owner, name);
    if (!repository) throw new Error(`Repository ${owner}/${name} does not exist in the simulator`);
    return repository;
  }
}

/** Like GitHub's `size`: what the repository's objects take, in KB (the simulator stores blobs uncompressed). */
function repositorySizeKb(repository: SimulatedRepository): number {
  let bytes = 0;
  for (const content of repository.blobs.values()) bytes += content.length;
  return Math.ceil(bytes / 1024);
}
