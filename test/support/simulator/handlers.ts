/** What the simulated GitHub answers for each served operation, given a request the contract already accepted. */
import type { IncomingHttpHeaders } from 'node:http';
import { gitBlobSha } from '../../../src/git-object-id.js';
import type { ContractViolation } from './contract.js';
import type { ServedOperationId } from './description.js';
import { repositoryFullName, type ResponseFactory, type SimulatorUrls } from './responses.js';
import type { CheckAnnotationRecord, GitHubWorld, SimulatedCheckRun, SimulatedInstallation, SimulatedRepository } from './world.js';

export interface HandlerContext {
  world: GitHubWorld;
  responses: ResponseFactory;
  urls: SimulatorUrls;
  params: Record<string, string>;
  query: Record<string, string | string[]>;
  body: unknown;
  headers: IncomingHttpHeaders;
  /** The installation whose token authenticated the request; undefined for app (JWT) requests. */
  installation: SimulatedInstallation | undefined;
  /** The request path without prefix or query, for pagination links. */
  path: string;
}

export interface SimulatedResponse {
  status: number;
  /** A JSON body; validated against the description. */
  body?: unknown;
  /** A non-JSON body (raw file contents), sent as is. */
  raw?: { text: string; contentType: string };
  headers?: Record<string, string>;
}

type Handler = (context: HandlerContext) => SimulatedResponse;
type Json = Record<string, unknown>;

const DOCS = 'https://docs.github.com/rest';
/** Where archive links point: GitHub Enterprise serves codeload under this path of its web host (github.com uses codeload.github.com). */
export const CODELOAD_PREFIX = '/_codeload';

/** GitHub lists at most 3,000 files of a pull request. */
export const MAX_LISTED_PULL_REQUEST_FILES = 3000;

export function notFound(): SimulatedResponse {
  return { status: 404, body: { message: 'Not Found', documentation_url: DOCS, status: '404' } };
}

export function validationFailed(violations: ContractViolation[], message = 'Validation Failed'): SimulatedResponse {
  return {
    status: 422,
    body: {
      message,
      documentation_url: DOCS,
      errors: violations.map((violation) => ({ resource: 'Request', field: violation.at, code: 'invalid', message: violation.message })),
    },
  };
}

/**
 * Constraints the description states in prose rather than in the schema; GitHub enforces them with 422.
 */
export function documentedConstraintViolations(operationId: ServedOperationId, body: unknown): ContractViolation[] {
  if (operationId !== 'checks/create' && operationId !== 'checks/update') return [];
  const violations: ContractViolation[] = [];
  const write = (body ?? {}) as Json;
  if ((write.status === 'completed' || write.completed_at !== undefined) && write.conclusion === undefined) {
    violations.push({ at: 'requestBody.conclusion', message: "is required when 'status' is 'completed' or 'completed_at' is set" });
  }
  if (write.conclusion === 'stale') {
    violations.push({ at: 'requestBody.conclusion', message: "'stale' can only be set by GitHub" });
  }
  const annotations = ((write.output as Json | undefined)?.annotations ?? []) as Json[];
  annotations.forEach((annotation, index) => {
    const hasColumns = annotation.start_column !== undefined || annotation.end_column !== undefined;
    if (hasColumns && annotation.start_line !== annotation.end_line) {
      violations.push({
        at: `requestBody.output.annotations.${index}`,
        message: "'start_column' and 'end_column' are only allowed when 'start_line' equals 'end_line'",
      });
    }
    if (typeof annotation.start_line === 'number' && typeof annotation.end_line === 'number' && annotation.end_line < annotation.start_line) {
      violations.push({ at: `requestBody.output.annotations.${index}.end_line`, message: "must not be before 'start_line'" });
    }
  });
  return violations;
}

export const HANDLERS: Record<ServedOperationId, Handler> = {
  'apps/get-authenticated': (context) => ({ status: 200, body: context.responses.integration(context.urls) }),

  'apps/get-installation': (context) => {
    const installation = context.world.installations.get(Number(context.params.installation_id));
    return installation ? { status: 200, body: context.responses.installation(installation, context.urls) } : notFound();
  },

  'apps/create-installation-access-token': (context) => {
    const installation = context.world.installations.get(Number(context.params.installation_id));
    if (!installation) return notFound();
    const token = context.world.issueToken(installation.id);
    return { status: 201, body: context.responses.installationToken(token.token, token.expiresAt, context.urls) };
  },

  'apps/get-repo-installation': (context) => {
    const fullName = `${context.params.owner}/${context.params.repo}`;
    const installation = [...context.world.installations.values()].find((candidate) => candidate.repositories.has(fullName));
    return installation ? { status: 200, body: context.responses.installation(installation, context.urls) } : notFound();
  },

  // The app's own installations, and the repositories one installation may read (the start-up reconciler walks these).
  'apps/list-installations': (context) => ({
    status: 200,
    body: [...context.world.installations.values()].map((installation) => context.responses.listedInstallation(installation, context.urls)),
  }),

  'apps/list-repos-accessible-to-installation': (context) => {
    const installation = context.installation;
    if (!installation) return notFound();
    const repositories = [...installation.repositories].flatMap((fullName) => {
      const [owner, name] = fullName.split('/');
      const repository = context.world.repository(owner ?? '', name ?? '');
      return repository ? [context.responses.repository(repository, context.urls)] : [];
    });
    return { status: 200, body: { total_count: repositories.length, repositories } };
  },

  'repos/get': (context) => {
    const repository = accessibleRepository(context);
    return repository ? { status: 200, body: context.responses.repository(repository, context.urls) } : notFound();
  },

  'repos/get-content': (context) => {
    const repository = accessibleRepository(context);
    if (!repository) return notFound();
    const ref = single(context.query.ref);
    const tree = context.world.treeAt(repository, ref);
    if (!tree) return { status: 404, body: { message: `No commit found for the ref ${ref}`, documentation_url: DOCS, status: '404' } };
    const path = (context.params.path ?? '').replace(/^\/+|\/+$/g, '');
    const content = tree.get(path);
    if (!content) return notFound();
    const accept = String(context.headers.accept ?? '');
    if (/application\/vnd\.github(\.v3)?\.raw/.test(accept)) {
      return { status: 200, raw: { text: content.toString('utf8'), contentType: 'text/plain; charset=utf-8' } };
    }
    const resolvedRef = ref ?? repository.defaultBranch;
    return { status: 200, body: context.responses.contentFile(path, content, resolvedRef, repository, context.urls) };
  },

  'repos/download-tarball-archive': (context) => {
    const repository = accessibleRepository(context);
    const commit = repository && context.world.commitAt(repository, context.params.ref ?? '');
    if (!repository || !commit) return notFound();
    // GitHub redirects to codeload; a private repository's link carries a short-lived token instead of needing auth.
    const token = repository.private ? `?token=${context.world.issueArchiveToken(repository)}` : '';
    const path = [repository.owner, repository.name, 'legacy.tar.gz', commit.sha].map(encodeURIComponent).join('/');
    return { status: 302, headers: { location: `${context.urls.web}${CODELOAD_PREFIX}/${path}${token}` } };
  },

  'pulls/get': (context) => {
    const repository = accessibleRepository(context);
    const pull = repository?.pulls.get(Number(context.params.pull_number));
    if (!repository || !pull) return notFound();
    return { status: 200, body: context.responses.pullRequest(pull, repository, context.urls) };
  },

  'pulls/list': (context) => {
    const repository = accessibleRepository(context);
    if (!repository) return notFound();
    const state = single(context.query.state) ?? 'open';
    const head = single(context.query.head);
    const base = single(context.query.base);
    const pulls = [...repository.pulls.values()]
      .filter((pull) => state === 'all' || pull.state === state)
      .filter((pull) => !head || `${pull.headRepositoryFullName.split('/')[0]}:${pull.headRef}` === head)
      .filter((pull) => !base || pull.baseRef === base)
      .sort((a, b) => b.number - a.number);
    const page = paginate(pulls, context);
    return {
      status: 200,
      body: page.items.map((pull) => context.responses.pullRequestSimple(pull, repository, context.urls)),
      headers: page.headers,
    };
  },

  'pulls/list-files': (context) => {
    const repository = accessibleRepository(context);
    const pull = repository?.pulls.get(Number(context.params.pull_number));
    if (!repository || !pull) return notFound();
    const page = paginate(pull.files.slice(0, MAX_LISTED_PULL_REQUEST_FILES), context);
    return {
      status: 200,
      body: page.items.map((file) => context.responses.pullRequestFile(file, pull, repository, context.urls)),
      headers: page.headers,
    };
  },

  'git/get-blob': (context) => {
    const repository = accessibleRepository(context);
    const sha = context.params.file_sha ?? '';
    const content = repository?.blobs.get(sha);
    if (!repository || !content) return notFound();
    return { status: 200, body: context.responses.blob(sha, content, repository, context.urls) };
  },

  'git/get-tree': (context) => {
    // A commit's tree (the app asks by commit SHA, recursively): every file as a blob entry; directories are not listed.
    const repository = accessibleRepository(context);
    const commit = repository && context.world.commitAt(repository, context.params.tree_sha ?? '');
    if (!repository || !commit) return notFound();
    const api = `${context.urls.api}/repos/${repositoryFullName(repository)}/git`;
    const tree = [...commit.tree].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([path, content]) => {
      const sha = gitBlobSha(content);
      return { path, mode: '100644', type: 'blob', sha, size: content.length, url: `${api}/blobs/${sha}` };
    });
    return { status: 200, body: { sha: commit.sha, url: `${api}/trees/${commit.sha}`, truncated: false, tree } };
  },

  'checks/create': (context) => {
    const repository = accessibleRepository(context);
    if (!repository) return notFound();
    const write = context.body as Json;
    const headSha = String(write.head_sha);
    if (!context.world.knowsCommit(repository, headSha)) {
      return validationFailed([{ at: 'requestBody.head_sha', message: `No commit found for SHA: ${headSha}` }]);
    }
    const now = new Date();
    const run: SimulatedCheckRun = {
      id: context.world.newId(),
      owner: repository.owner,
      repo: repository.name,
      name: String(write.name),
      headSha,
      appId: context.world.appId,
      checkSuiteId: checkSuiteId(context.world, repository, headSha),
      status: 'queued',
      conclusion: null,
      startedAt: isoSeconds(now),
      completedAt: null,
      externalId: null,
      detailsUrl: null,
      output: { title: null, summary: null, text: null },
      annotations: [],
      writes: [],
      createdAtMs: Date.now(),
      completedAtMs: null,
    };
    applyCheckRunWrite(run, 'checks/create', write, now);
    context.world.checkRuns.push(run);
    return { status: 201, body: checkRunBody(context, run, repository) };
  },

  'checks/update': (context) => {
    const repository = accessibleRepository(context);
    const run = repository && findCheckRun(context, repository);
    if (!repository || !run) return notFound();
    applyCheckRunWrite(run, 'checks/update', context.body as Json, new Date());
    return { status: 200, body: checkRunBody(context, run, repository) };
  },

  'checks/get': (context) => {
    const repository = accessibleRepository(context);
    const run = repository && findCheckRun(context, repository);
    if (!repository || !run) return notFound();
    return { status: 200, body: checkRunBody(context, run, repository) };
  },

  'checks/list-for-ref': (context) => {
    const repository = accessibleRepository(context);
    if (!repository) return notFound();
    const sha = resolveRef(repository, context.params.ref ?? '');
    if (!sha) return validationFailed([{ at: 'ref', message: `No commit found for SHA: ${context.params.ref}` }]);
    const checkName = single(context.query.check_name);
    const status = single(context.query.status);
    const appId = single(context.query.app_id);
    let runs = context.world
      .checkRunsFor(repository.owner, repository.name, sha)
      .filter((run) => checkName === undefined || run.name === checkName)
      .filter((run) => status === undefined || run.status === status)
      .filter((run) => appId === undefined || String(run.appId) === appId)
      .sort((a, b) => b.id - a.id);
    if ((single(context.query.filter) ?? 'latest') === 'latest') {
      const seen = new Set<string>();
      runs = runs.filter((run) => {
        const key = `${run.appId}\n${run.name}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    }
    const page = paginate(runs, context);
    return {
      status: 200,
      body: { total_count: runs.length, check_runs: page.items.map((run) => checkRunBody(context, run, repository)) },
      headers: page.headers,
    };
  },

  'checks/list-annotations': (context) => {
    const repository = accessibleRepository(context);
    const run = repository && findCheckRun(context, repository);
    if (!repository || !run) return notFound();
    const page = paginate(run.annotations, context);
    return {
      status: 200,
      body: page.items.map((annotation) => context.responses.annotation(annotation, repository, run.headSha, context.urls)),
      headers: page.headers,
    };
  },
};

/** The repository, when it exists and the authenticating installation may read it (GitHub answers 404 otherwise). */
function accessibleRepository(context: HandlerContext): SimulatedRepository | undefined {
  const repository = context.world.repository(context.params.owner ?? '', context.params.repo ?? '');
  if (!repository) return undefined;
  if (context.installation && !context.installation.repositories.has(repositoryFullName(repository))) return undefined;
  return repository;
}

function findCheckRun(context: HandlerContext, repository: SimulatedRepository): SimulatedCheckRun | undefined {
  const id = Number(context.params.check_run_id);
  return context.world.checkRuns.find((run) => run.id === id && run.owner === repository.owner && run.repo === repository.name);
}

function checkRunBody(context: HandlerContext, run: SimulatedCheckRun, repository: SimulatedRepository): Json {
  const pulls = [...repository.pulls.values()].filter((pull) => pull.state === 'open' && pull.headSha === run.headSha);
  return context.responses.checkRun(run, pulls, repository, context.urls);
}

function resolveRef(repository: SimulatedRepository, ref: string): string | undefined {
  if (ref === repository.defaultBranch || ref === `heads/${repository.defaultBranch}`) return repository.defaultBranchSha;
  for (const pull of repository.pulls.values()) {
    if (ref === pull.headSha || ref === pull.headRef || ref === `heads/${pull.headRef}`) return pull.headSha;
    if (ref === pull.baseSha) return pull.baseSha;
  }
  return ref === repository.defaultBranchSha ? ref : undefined;
}

/** One check suite per app and head SHA, as GitHub creates them. */
function checkSuiteId(world: GitHubWorld, repository: SimulatedRepository, headSha: string): number {
  const existing = world.checkRunsFor(repository.owner, repository.name, headSha).find((run) => run.appId === world.appId);
  return existing ? existing.checkSuiteId : world.newId();
}

/** Applies a create or update body the way GitHub does: fields replace, annotations append, a conclusion completes. */
export function applyCheckRunWrite(run: SimulatedCheckRun, operationId: 'checks/create' | 'checks/update', write: Json, now: Date): void {
  run.writes.push({ operationId, at: Date.now(), body: structuredClone(write) });
  if (typeof write.name === 'string') run.name = write.name;
  if (typeof write.details_url === 'string') run.detailsUrl = write.details_url;
  if (typeof write.external_id === 'string') run.externalId = write.external_id;
  if (typeof write.started_at === 'string') run.startedAt = write.started_at;
  if (typeof write.status === 'string') run.status = write.status as SimulatedCheckRun['status'];
  if (typeof write.conclusion === 'string') {
    run.status = 'completed';
    run.conclusion = write.conclusion as SimulatedCheckRun['conclusion'];
  }
  if (run.status === 'completed') {
    run.completedAt = typeof write.completed_at === 'string' ? write.completed_at : isoSeconds(now);
    run.completedAtMs ??= Date.now();
  }
  const output = write.output as Json | undefined;
  if (output) {
    if (typeof output.title === 'string') run.output.title = output.title;
    if (typeof output.summary === 'string') run.output.summary = output.summary;
    if (typeof output.text === 'string') run.output.text = output.text;
    for (const annotation of (output.annotations ?? []) as CheckAnnotationRecord[]) run.annotations.push({ ...annotation });
  }
}

interface Page<T> {
  items: T[];
  headers: Record<string, string>;
}

/** GitHub's page-number pagination: `per_page` (default 30, at most 100), `page` (from 1) and a `Link` header. */
export function paginate<T>(items: T[], context: Pick<HandlerContext, 'query' | 'urls' | 'path'>): Page<T> {
  const perPage = Math.min(100, Math.max(1, Number(single(context.query.per_page) ?? 30)));
  const page = Math.max(1, Number(single(context.query.page) ?? 1));
  const lastPage = Math.max(1, Math.ceil(items.length / perPage));
  const link = (target: number, rel: string) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(context.query)) {
      if (key !== 'page' && key !== 'per_page') for (const element of [value].flat()) query.append(key, element);
    }
    query.set('per_page', String(perPage));
    query.set('page', String(target));
    return `<${context.urls.api}${context.path}?${query}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(page - 1, 'prev'));
  if (page < lastPage) links.push(link(page + 1, 'next'), link(lastPage, 'last'));
  if (page > 1) links.push(link(1, 'first'));
  return {
    items: items.slice((page - 1) * perPage, page * perPage),
    headers: links.length > 0 ? { link: links.join(', ') } : {},
  };
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
