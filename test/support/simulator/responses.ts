/**
 * Response bodies, built from GitHub's own documented examples in the OpenAPI description with the simulator's
 * state written over them. Starting from the examples keeps every field GitHub documents present and typed.
 */
import type { GitHubContract } from './contract.js';
import type { ServedOperationId } from './description.js';
import { gitBlobSha } from '../../../src/git-object-id.js';
import { pullRequestFileStats, pullRequestJson, repositoryJson } from './pull-request-json.js';
import type {
  PullRequestFile,
  SimulatedCheckRun,
  SimulatedInstallation,
  SimulatedPullRequest,
  SimulatedRepository,
} from './world.js';

type Json = Record<string, unknown>;

/** Where the simulator lives, as the client addressed it (so URLs in responses lead back to it). */
export interface SimulatorUrls {
  /** API root as requested, e.g. `http://127.0.0.1:4567/api/v3` or `http://127.0.0.1:4567`. */
  api: string;
  /** The web root, e.g. `http://127.0.0.1:4567`. */
  web: string;
}

export interface AppIdentity {
  id: number;
  slug: string;
  name: string;
  ownerLogin: string;
}

/** The repository names GitHub's examples use; rewritten to the simulated repository. */
const EXAMPLE_REPOSITORIES = /\b(octocat\/Hello-World|github\/hello-world|octocat\/example|github\/rest-api-description)\b/g;

export class ResponseFactory {
  private readonly examples = new Map<string, unknown>();

  constructor(
    private readonly contract: GitHubContract,
    private readonly app: AppIdentity,
  ) {}

  installationToken(token: string, expiresAt: Date, urls: SimulatorUrls): Json {
    const example = this.example('apps/create-installation-access-token', urls) as Json;
    const { repositories: _repositories, ...rest } = example;
    return {
      ...rest,
      token,
      expires_at: expiresAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      permissions: { checks: 'write', contents: 'read', metadata: 'read', pull_requests: 'read' },
      repository_selection: 'all',
    };
  }

  integration(urls: SimulatorUrls): Json {
    const example = this.example('apps/get-authenticated', urls) as Json;
    return {
      ...example,
      id: this.app.id,
      slug: this.app.slug,
      name: this.app.name,
      client_id: `Iv1.${this.app.id.toString(16).padStart(16, '0')}`,
      owner: { ...(example.owner as Json), login: this.app.ownerLogin },
      html_url: `${urls.web}/apps/${this.app.slug}`,
      permissions: { checks: 'write', contents: 'read', metadata: 'read', pull_requests: 'read' },
      events: ['check_run', 'check_suite', 'pull_request'],
    };
  }

  installation(installation: SimulatedInstallation, urls: SimulatorUrls): Json {
    const example = this.example('apps/get-installation', urls) as Json;
    return {
      ...example,
      id: installation.id,
      app_id: this.app.id,
      app_slug: this.app.slug,
      account: { ...(example.account as Json), login: installation.account },
      access_tokens_url: `${urls.api}/app/installations/${installation.id}/access_tokens`,
      html_url: `${urls.web}/settings/installations/${installation.id}`,
      repository_selection: 'selected',
      permissions: { checks: 'write', contents: 'read', metadata: 'read', pull_requests: 'read' },
      events: ['check_run', 'check_suite', 'pull_request'],
      suspended_by: null,
      suspended_at: null,
    };
  }

  /** One entry of `GET /app/installations`, shaped by that operation's own example. */
  listedInstallation(installation: SimulatedInstallation, urls: SimulatorUrls): Json {
    const entry = ((this.example('apps/list-installations', urls) as Json[])[0] ?? {}) as Json;
    // The list's schema allows a null account; the reconciler needs only the id.
    return { ...entry, ...this.installation(installation, urls), account: null };
  }

  repository(repository: SimulatedRepository, urls: SimulatorUrls): Json {
    const example = this.example('repos/get', urls, repositoryFullName(repository)) as Json;
    // The example is a fork; a simulated repository is not.
    const { parent: _parent, source: _source, template_repository: _template, ...rest } = example;
    return {
      ...repositoryJson(rest, repository, urls),
      language: null,
      fork: false,
    };
  }

  pullRequest(pull: SimulatedPullRequest, repository: SimulatedRepository, urls: SimulatorUrls): Json {
    return this.pullRequestFrom(this.example('pulls/get', urls, repositoryFullName(repository)) as Json, pull, repository, urls, true);
  }

  pullRequestSimple(pull: SimulatedPullRequest, repository: SimulatedRepository, urls: SimulatorUrls): Json {
    const [example] = this.example('pulls/list', urls, repositoryFullName(repository)) as Json[];
    return this.pullRequestFrom(example as Json, pull, repository, urls, false);
  }

  pullRequestFile(file: PullRequestFile, pull: SimulatedPullRequest, repository: SimulatedRepository, urls: SimulatorUrls): Json {
    const encoded = file.filename.split('/').map(encodeURIComponent).join('/');
    const { patch: _patch, ...example } = (this.example('pulls/list-files', urls) as Json[])[0] as Json;
    return {
      ...example,
      sha: file.sha,
      filename: file.filename,
      status: file.status,
      additions: file.additions,
      deletions: file.deletions,
      changes: file.additions + file.deletions,
      blob_url: `${urls.web}/${repositoryFullName(repository)}/blob/${pull.headSha}/${encoded}`,
      raw_url: `${urls.web}/${repositoryFullName(repository)}/raw/${pull.headSha}/${encoded}`,
      contents_url: `${urls.api}/repos/${repositoryFullName(repository)}/contents/${encoded}?ref=${pull.headSha}`,
      ...(file.patch === undefined ? {} : { patch: file.patch }),
      ...(file.previousFilename === undefined ? {} : { previous_filename: file.previousFilename }),
    };
  }

  blob(sha: string, content: Buffer, repository: SimulatedRepository, urls: SimulatorUrls): Json {
    return {
      ...(this.example('git/get-blob', urls) as Json),
      sha,
      node_id: Buffer.from(`Blob:${repository.id}:${sha}`).toString('base64'),
      size: content.length,
      url: `${urls.api}/repos/${repositoryFullName(repository)}/git/blobs/${sha}`,
      // GitHub wraps base64 at 60 characters with newlines; clients must cope.
      content: wrapBase64(content.toString('base64')),
      encoding: 'base64',
    };
  }

  contentFile(path: string, content: Buffer, ref: string, repository: SimulatedRepository, urls: SimulatorUrls): Json {
    const example = this.example('repos/get-content', urls, repositoryFullName(repository)) as Json;
    const sha = gitBlobSha(content);
    const encoded = path.split('/').map(encodeURIComponent).join('/');
    const apiUrl = `${urls.api}/repos/${repositoryFullName(repository)}/contents/${encoded}?ref=${ref}`;
    const htmlUrl = `${urls.web}/${repositoryFullName(repository)}/blob/${ref}/${encoded}`;
    const gitUrl = `${urls.api}/repos/${repositoryFullName(repository)}/git/blobs/${sha}`;
    return {
      ...example,
      type: 'file',
      encoding: 'base64',
      size: content.length,
      name: path.split('/').at(-1),
      path,
      content: wrapBase64(content.toString('base64')),
      sha,
      url: apiUrl,
      git_url: gitUrl,
      html_url: htmlUrl,
      download_url: `${urls.web}/${repositoryFullName(repository)}/raw/${ref}/${encoded}`,
      _links: { self: apiUrl, git: gitUrl, html: htmlUrl },
    };
  }

  checkRun(run: SimulatedCheckRun, pulls: SimulatedPullRequest[], repository: SimulatedRepository, urls: SimulatorUrls): Json {
    const example = this.example('checks/get', urls, repositoryFullName(repository)) as Json;
    const runUrl = `${urls.api}/repos/${repositoryFullName(repository)}/check-runs/${run.id}`;
    return {
      ...example,
      id: run.id,
      node_id: Buffer.from(`CheckRun:${run.id}`).toString('base64'),
      head_sha: run.headSha,
      external_id: run.externalId,
      url: runUrl,
      html_url: `${urls.web}/${repositoryFullName(repository)}/runs/${run.id}`,
      details_url: run.detailsUrl ?? `${urls.web}/apps/${this.app.slug}`,
      status: run.status,
      conclusion: run.conclusion,
      started_at: run.startedAt,
      completed_at: run.completedAt,
      output: {
        title: run.output.title,
        summary: run.output.summary,
        text: run.output.text,
        annotations_count: run.annotations.length,
        annotations_url: `${runUrl}/annotations`,
      },
      name: run.name,
      check_suite: { id: run.checkSuiteId },
      app: this.integration(urls),
      pull_requests: pulls.map((pull) => this.pullRequestMinimal(pull, repository, urls)),
    };
  }

  annotation(annotation: SimulatedCheckRun['annotations'][number], repository: SimulatedRepository, headSha: string, urls: SimulatorUrls): Json {
    return {
      path: annotation.path,
      blob_href: `${urls.web}/${repositoryFullName(repository)}/blob/${headSha}/${annotation.path}`,
      start_line: annotation.start_line,
      end_line: annotation.end_line,
      start_column: annotation.start_column ?? null,
      end_column: annotation.end_column ?? null,
      annotation_level: annotation.annotation_level,
      title: annotation.title ?? null,
      message: annotation.message,
      raw_details: annotation.raw_details ?? null,
    };
  }

  private pullRequestMinimal(pull: SimulatedPullRequest, repository: SimulatedRepository, urls: SimulatorUrls): Json {
    const repo = { id: repository.id, url: `${urls.api}/repos/${repositoryFullName(repository)}`, name: repository.name };
    return {
      id: pull.id,
      number: pull.number,
      url: `${urls.api}/repos/${repositoryFullName(repository)}/pulls/${pull.number}`,
      head: { ref: pull.headRef, sha: pull.headSha, repo },
      base: { ref: pull.baseRef, sha: pull.baseSha, repo },
    };
  }

  private pullRequestFrom(example: Json, pull: SimulatedPullRequest, repository: SimulatedRepository, urls: SimulatorUrls, full: boolean): Json {
    const webUrl = `${urls.web}/${repositoryFullName(repository)}/pull/${pull.number}`;
    const baseRepository = repositoryJson((example.base as Json).repo as Json, repository, urls);
    return {
      ...pullRequestJson(example, pull, repository, baseRepository, urls),
      diff_url: `${webUrl}.diff`,
      patch_url: `${webUrl}.patch`,
      created_at: pull.createdAt,
      updated_at: pull.createdAt,
      closed_at: null,
      merged_at: null,
      merge_commit_sha: null,
      requested_teams: [],
      ...(full ? { ...pullRequestFileStats(pull.files), merged: false, merged_by: null, mergeable: true, mergeable_state: 'clean' } : {}),
    };
  }

  /** A fresh copy of GitHub's first documented example for the operation's success response, localised. */
  private example(operationId: ServedOperationId, urls: SimulatorUrls, repositoryName?: string): unknown {
    let example = this.examples.get(operationId);
    if (example === undefined) {
      example = this.contract.documentedExample(operationId);
      this.examples.set(operationId, example);
    }
    let text = JSON.stringify(example)
      .replaceAll('https://api.github.com', urls.api)
      .replaceAll('https://github.com', urls.web);
    if (repositoryName) text = text.replace(EXAMPLE_REPOSITORIES, repositoryName);
    return JSON.parse(text);
  }
}

export function repositoryFullName(repository: Pick<SimulatedRepository, 'owner' | 'name'>): string {
  return `${repository.owner}/${repository.name}`;
}

function wrapBase64(base64: string): string {
  return `${base64.replace(/.{60}/g, '$&\n')}\n`;
}
