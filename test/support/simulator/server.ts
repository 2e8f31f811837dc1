/**
 * A local stand-in for GitHub's REST API on 127.0.0.1. It routes and validates every request against GitHub's
 * OpenAPI description, answers from an in-memory world, validates its own responses, and records everything.
 */
import { verify as verifySignature, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GitHubContract, type ContractViolation, type MatchedRequest } from './contract.js';
import {
  CONTROL_METHODS,
  CONTROL_PREFIX,
  decodeFromWire,
  encodeForWire,
  GHES_API_PREFIX,
  type ControlMethod,
  type FaultSpec,
  type PullRequestSummary,
  type RecordedRequest,
  type RepositorySummary,
  type SimulatorControl,
} from './control.js';
import type { DescriptionName, ServedOperationId } from './description.js';
import { CODELOAD_PREFIX, documentedConstraintViolations, HANDLERS, notFound, validationFailed, type SimulatedResponse } from './handlers.js';
import { ResponseFactory, type AppIdentity, type SimulatorUrls } from './responses.js';
import { codeloadPrefix, gitArchiveTarGz } from './tarball-writer.js';
import { GitHubWorld, type SimulatedCheckRun, type SimulatedInstallation, type SimulatedPullRequest, type SimulatedRepository } from './world.js';

export { GHES_API_PREFIX } from './control.js';

/** The operations a PR check makes; `warmUp` compiles them so the app's first run is timed without that cost. */
export const PULL_REQUEST_CHECK_OPERATIONS: ServedOperationId[] = [
  'apps/create-installation-access-token',
  'repos/get-content',
  'pulls/list-files',
  'repos/download-tarball-archive',
  'git/get-blob',
  'git/get-tree',
  'checks/list-for-ref',
  'checks/create',
  'checks/update',
];

/** Operations GitHub authenticates with the app's JWT rather than an installation token. */
const APP_JWT_OPERATIONS: ReadonlySet<ServedOperationId> = new Set([
  'apps/get-authenticated',
  'apps/list-installations',
  'apps/get-installation',
  'apps/create-installation-access-token',
  'apps/get-repo-installation',
]);

export interface GitHubSimulatorOptions {
  appId: number;
  /** When given, app JWTs must be RS256-signed with the matching private key; otherwise only their shape is checked. */
  appPublicKey?: KeyObject | string;
  appSlug?: string;
  appName?: string;
  /** Descriptions every request must satisfy. The first also builds the responses. Default: github.com only. */
  descriptions?: DescriptionName[];
  port?: number;
  /** Serve the control routes under `/_simulator` (for a simulator in its own process). */
  control?: boolean;
}

/** One archive download from the simulator's codeload: not an API request, so kept out of the API request log. */
export interface CodeloadDownload {
  /** Order of arrival among downloads, from 1. */
  sequence: number;
  /** The `sequence` of the last API request recorded before this download (its redirect, or one after it), to match downloads to a run's requests. */
  afterApiRequest: number;
  /** Milliseconds since the simulator started. */
  at: number;
  /** The path, without the link's token. */
  path: string;
  status: number;
  /** Compressed bytes sent. */
  bytes: number;
  durationMs: number;
}

/** The in-process simulator: the control surface plus direct access to its state. */
export interface GitHubSimulator extends SimulatorControl {
  readonly world: GitHubWorld;
  /** The live request log (the `requests()` method returns a copy). */
  readonly recorded: readonly RecordedRequest[];
  /** Archive downloads that followed a `repos/download-tarball-archive` redirect; `clearRequests` empties it too. */
  readonly codeloadDownloads: readonly CodeloadDownload[];
  /**
   * Compiles the validators of these operations now (otherwise each compiles on first use, which would count
   * against the app's first run). CPU-bound: run it while the app process starts.
   */
  warmUp(operationIds?: readonly ServedOperationId[]): void;
}

export async function startGitHubSimulator(options: GitHubSimulatorOptions): Promise<GitHubSimulator> {
  const descriptionNames = options.descriptions ?? ['api.github.com'];
  const contracts: GitHubContract[] = [];
  for (const name of descriptionNames) contracts.push(await GitHubContract.load(name));
  const primary = contracts[0];
  if (!primary) throw new Error('The simulator needs at least one OpenAPI description');

  const app: AppIdentity = {
    id: options.appId,
    slug: options.appSlug ?? 'mcp-oauth-guard',
    name: options.appName ?? 'MCP OAuth Guard',
    ownerLogin: 'mcp-oauth-guard',
  };
  const world = new GitHubWorld(options.appId);
  const responses = new ResponseFactory(primary, app);
  const requests: RecordedRequest[] = [];
  const codeloadDownloads: CodeloadDownload[] = [];
  const faults: Array<FaultSpec & { times: number }> = [];
  const completionWaiters = new Set<() => void>();
  const startedAt = Date.now();
  let sequence = 0;

  const port = () => (server.address() as AddressInfo).port;
  // Assigned once the server listens; control requests can only arrive after that.
  let simulator: GitHubSimulator | undefined;
  const server: Server = createServer((incoming, outgoing) => {
    void handle(incoming, outgoing).catch((error: unknown) => {
      // A simulator bug must be loud, not a hung client.
      outgoing.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
      outgoing.end(JSON.stringify({ message: `Simulator error: ${String(error)}` }));
    });
  });

  async function handle(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
    const began = Date.now();
    const rawUrl = incoming.url ?? '/';
    const parsedUrl = new URL(rawUrl, 'http://simulator.invalid');
    const prefix = parsedUrl.pathname === GHES_API_PREFIX || parsedUrl.pathname.startsWith(`${GHES_API_PREFIX}/`) ? GHES_API_PREFIX : '';
    const path = encodeContentPath(parsedUrl.pathname.slice(prefix.length) || '/');
    const query = queryRecord(parsedUrl.searchParams);
    const bodyText = await readBody(incoming);
    if (options.control && simulator && parsedUrl.pathname.startsWith(`${CONTROL_PREFIX}/`)) {
      await handleControl(simulator, parsedUrl.pathname, bodyText, outgoing);
      return;
    }
    const method = (incoming.method ?? 'GET').toUpperCase();
    if (parsedUrl.pathname.startsWith(`${CODELOAD_PREFIX}/`)) {
      serveCodeload(parsedUrl, method, began, outgoing);
      return;
    }
    const host = incoming.headers.host ?? `127.0.0.1:${port()}`;
    const urls: SimulatorUrls = { api: `http://${host}${prefix}`, web: `http://${host}` };

    const record: RecordedRequest = {
      sequence: ++sequence,
      at: began - startedAt,
      method,
      url: rawUrl,
      prefix,
      route: undefined,
      operationId: undefined,
      status: 0,
      violations: [],
      responseViolations: [],
      auth: 'none',
      injected: false,
      body: undefined,
      durationMs: 0,
    };
    requests.push(record);

    const respond = (response: SimulatedResponse) => {
      record.status = response.status;
      record.durationMs = Date.now() - began;
      const headers: Record<string, string> = {
        'x-github-request-id': `SIM:${record.sequence}`,
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': String(Math.max(0, 5000 - record.sequence)),
        'x-ratelimit-reset': String(Math.floor(startedAt / 1000) + 3600),
        'x-ratelimit-used': String(record.sequence),
        'x-ratelimit-resource': 'core',
        'x-github-api-version-selected': '2022-11-28',
        ...response.headers,
      };
      if (response.raw) {
        outgoing.writeHead(response.status, { ...headers, 'content-type': response.raw.contentType });
        outgoing.end(response.raw.text);
      } else if (response.body === undefined) {
        outgoing.writeHead(response.status, headers);
        outgoing.end();
      } else {
        outgoing.writeHead(response.status, { ...headers, 'content-type': 'application/json; charset=utf-8' });
        outgoing.end(JSON.stringify(response.body));
      }
      notifyCompletionWaiters();
    };

    let body: unknown;
    if (bodyText.length > 0) {
      try {
        body = JSON.parse(bodyText);
      } catch {
        record.violations.push({ at: 'requestBody', message: 'is not valid JSON' });
        respond({ status: 400, body: { message: 'Problems parsing JSON', documentation_url: 'https://docs.github.com/rest' } });
        return;
      }
    }
    record.body = body;

    const incomingRequest = { method, path, query, headers: headerRecord(incoming), body };
    const matches = contracts.map((contract) => contract.match(incomingRequest));
    const match = matches[0];
    if (!match) {
      respond(notFound());
      return;
    }
    record.route = match.route;
    record.operationId = match.operationId;
    record.violations = uniqueViolations([
      ...matches.flatMap((candidate, index) => (candidate ? candidate.violations : unmatchedIn(contracts[index]!))),
      ...documentedConstraintViolations(match.operationId, body),
    ]);
    if (record.violations.length > 0) {
      respond(validationFailed(record.violations));
      return;
    }

    const authentication = authenticate(incoming, match);
    record.auth = authentication.kind;
    if (authentication.kind === 'invalid') {
      respond({ status: 401, body: { message: authentication.message, documentation_url: 'https://docs.github.com/rest' } });
      return;
    }

    const fault = takeFault(match.operationId);
    if (fault) {
      record.injected = true;
      if (fault.delayMs) await delay(fault.delayMs);
      respond({
        status: fault.status,
        body: fault.body ?? { message: fault.status >= 500 ? 'Server Error' : 'Injected failure' },
        ...(fault.headers ? { headers: fault.headers } : {}),
      });
      return;
    }

    const response = HANDLERS[match.operationId]({
      world,
      responses,
      urls,
      params: match.params,
      query,
      body,
      headers: incoming.headers,
      installation: authentication.installation,
      path,
    });
    if (response.body !== undefined) {
      record.responseViolations = uniqueViolations(
        contracts.flatMap((contract) => contract.validateResponse(match.operationId, response.status, response.body)),
      );
    }
    respond(response);
  }

  type Authentication =
    | { kind: 'app-jwt' | 'none'; installation: undefined }
    | { kind: 'installation-token'; installation: SimulatedInstallation }
    | { kind: 'invalid'; message: string; installation: undefined };

  function authenticate(incoming: IncomingMessage, match: MatchedRequest): Authentication {
    const header = incoming.headers.authorization ?? '';
    const [scheme = '', credential = ''] = header.split(/\s+/, 2);
    if (APP_JWT_OPERATIONS.has(match.operationId)) {
      if (scheme.toLowerCase() !== 'bearer') return invalid('A JSON web token could not be decoded');
      const problem = appJwtProblem(credential, options.appId, options.appPublicKey);
      return problem ? invalid(problem) : { kind: 'app-jwt', installation: undefined };
    }
    if (!['token', 'bearer'].includes(scheme.toLowerCase())) return invalid('Requires authentication');
    const token = world.tokens.get(credential);
    if (!token || token.expiresAt.getTime() <= Date.now()) return invalid('Bad credentials');
    const installation = world.installations.get(token.installationId);
    if (!installation) return invalid('Bad credentials');
    return { kind: 'installation-token', installation };
  }

  /** `GET /_codeload/{owner}/{repo}/legacy.tar.gz/{ref}`: no API authentication, as on codeload; a private repository needs the link's token. */
  function serveCodeload(url: URL, method: string, began: number, outgoing: ServerResponse): void {
    const download: CodeloadDownload = {
      sequence: codeloadDownloads.length + 1,
      afterApiRequest: sequence,
      at: began - startedAt,
      path: url.pathname,
      status: 0,
      bytes: 0,
      durationMs: 0,
    };
    codeloadDownloads.push(download);
    const send = (status: number, headers: Record<string, string | number>, body: Buffer | string) => {
      download.status = status;
      download.bytes = method === 'HEAD' ? 0 : Buffer.byteLength(body);
      download.durationMs = Date.now() - began;
      outgoing.writeHead(status, headers);
      outgoing.end(method === 'HEAD' ? undefined : body);
    };
    const match = /^\/([^/]+)\/([^/]+)\/legacy\.tar\.gz\/(.+)$/.exec(url.pathname.slice(CODELOAD_PREFIX.length));
    const [owner, repo, ref] = match ? match.slice(1).map(safeDecode) : [];
    const repository = owner && repo ? world.repository(owner, repo) : undefined;
    const commit = repository && ref ? world.commitAt(repository, ref) : undefined;
    if ((method !== 'GET' && method !== 'HEAD') || !repository || !commit || !world.archiveTokenOpens(repository, url.searchParams.get('token'))) {
      send(404, { 'content-type': 'text/plain; charset=utf-8' }, '404: Not Found');
      return;
    }
    const prefix = codeloadPrefix(repository.owner, repository.name, commit.sha);
    const archive = gitArchiveTarGz({ commitSha: commit.sha, prefix, mtimeSeconds: Math.floor(Date.parse(commit.committedAt) / 1000), files: commit.tree });
    send(
      200,
      { 'content-type': 'application/x-gzip', 'content-disposition': `attachment; filename=${prefix.slice(0, -1)}.tar.gz`, 'content-length': archive.length },
      archive,
    );
  }

  function takeFault(operationId: ServedOperationId): FaultSpec | undefined {
    const index = faults.findIndex((fault) => fault.operationId === operationId && fault.times > 0);
    if (index < 0) return undefined;
    const fault = faults[index]!;
    fault.times -= 1;
    if (fault.times === 0) faults.splice(index, 1);
    return fault;
  }

  function notifyCompletionWaiters(): void {
    for (const waiter of [...completionWaiters]) waiter();
  }

  // Clients keep connections alive (undici, Octokit); on a loaded machine a 5 s idle timeout (Node's default)
  // can close one just as a client reuses it ("other side closed"). GitHub keeps them open far longer.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });

  simulator = {
    url: `http://127.0.0.1:${port()}`,
    port: port(),
    host: `127.0.0.1:${port()}`,
    world,
    recorded: requests,
    codeloadDownloads,
    warmUp(operationIds = PULL_REQUEST_CHECK_OPERATIONS) {
      for (const contract of contracts) contract.warmUp(operationIds);
    },
    async addRepository(request) {
      return repositorySummary(world.addRepository(request));
    },
    async addInstallation(request) {
      world.addInstallation(request.id, request.account, request.repositories);
    },
    async addPullRequest(request) {
      return pullRequestSummary(world.addPullRequest(request));
    },
    async setDefaultBranchFile(request) {
      world.setDefaultBranchFile(request.owner, request.repo, request.path, request.content);
    },
    async injectFault(fault) {
      faults.push({ ...fault, times: fault.times ?? 1 });
    },
    async checkRuns(request) {
      return structuredClone(world.checkRunsFor(request.owner, request.repo, request.headSha));
    },
    async requests() {
      return structuredClone(requests);
    },
    async clearRequests() {
      requests.length = 0;
      codeloadDownloads.length = 0;
    },
    waitForCompletedCheckRun({ owner, repo, headSha, name, timeoutMs = 30_000 }) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const run = world
            .checkRunsFor(owner, repo, headSha)
            .find((candidate) => candidate.name === name && candidate.status === 'completed');
          if (!run) return;
          finish();
          resolve(structuredClone(run));
        };
        const timer = setTimeout(() => {
          finish();
          reject(new Error(`No completed check run '${name}' on ${owner}/${repo}@${headSha.slice(0, 7)} within ${timeoutMs} ms`));
        }, timeoutMs);
        const finish = () => {
          clearTimeout(timer);
          completionWaiters.delete(check);
        };
        completionWaiters.add(check);
        check();
      });
    },
    close() {
      return new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      });
    },
  };
  return simulator;
}

function repositorySummary(repository: SimulatedRepository): RepositorySummary {
  const { id, owner, name, defaultBranch, private: isPrivate, defaultBranchSha } = repository;
  return { id, owner, name, defaultBranch, private: isPrivate, defaultBranchSha };
}

function pullRequestSummary(pull: SimulatedPullRequest): PullRequestSummary {
  const { headTree: _headTree, ...summary } = pull;
  return structuredClone(summary);
}

/** Serves `POST /_simulator/<method>` with `{ args }`, answering `{ result }` or `{ error }`. */
async function handleControl(simulator: GitHubSimulator, pathname: string, bodyText: string, outgoing: ServerResponse): Promise<void> {
  const method = pathname.slice(CONTROL_PREFIX.length + 1) as ControlMethod;
  const send = (status: number, payload: unknown) => {
    outgoing.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    outgoing.end(JSON.stringify(encodeForWire(payload)));
  };
  if (!CONTROL_METHODS.includes(method)) {
    send(404, { error: `Unknown control method '${method}'` });
    return;
  }
  try {
    const { args } = decodeFromWire(JSON.parse(bodyText || '{}')) as { args?: unknown };
    const result = await (simulator[method] as (argument: unknown) => Promise<unknown>)(args);
    send(200, { result: result ?? null });
  } catch (error) {
    send(400, { error: error instanceof Error ? error.message : String(error) });
  }
}

function invalid(message: string): { kind: 'invalid'; message: string; installation: undefined } {
  return { kind: 'invalid', message, installation: undefined };
}

/** Checks an app JWT as GitHub does: RS256, `iss` is the app id, not expired, at most 10 minutes long. */
export function appJwtProblem(jwt: string, appId: number, publicKey?: KeyObject | string): string | undefined {
  const parts = jwt.split('.');
  if (parts.length !== 3 || parts.some((part) => !/^[A-Za-z0-9_-]+$/.test(part))) return 'A JSON web token could not be decoded';
  let header: Record<string, unknown>;
  let payload: Record<string, unknown>;
  try {
    header = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8')) as Record<string, unknown>;
    payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return 'A JSON web token could not be decoded';
  }
  if (header.alg !== 'RS256') return "'alg' must be RS256";
  if (String(payload.iss) !== String(appId)) return `'Issuer' claim ('iss') must be the app id ${appId}`;
  const now = Math.floor(Date.now() / 1000);
  const issuedAt = Number(payload.iat);
  const expiresAt = Number(payload.exp);
  if (!Number.isFinite(expiresAt) || expiresAt <= now) return "'Expiration time' claim ('exp') must be in the future";
  if (!Number.isFinite(issuedAt) || expiresAt - issuedAt > 600 + 60) return "'Expiration time' claim ('exp') is too far in the future";
  if (publicKey) {
    const signed = Buffer.from(`${parts[0]}.${parts[1]}`);
    const valid = verifySignature('RSA-SHA256', signed, publicKey, Buffer.from(parts[2]!, 'base64url'));
    if (!valid) return 'A JSON web token could not be decoded';
  }
  return undefined;
}

/** GitHub accepts `contents/a/b.yml` and `contents/a%2Fb.yml`; the router needs the path as one segment. */
function encodeContentPath(path: string): string {
  const match = /^(\/repos\/[^/]+\/[^/]+\/contents\/)(.+)$/.exec(path);
  if (!match) return path;
  return `${match[1]}${match[2]!.split('/').filter(Boolean).join('%2F')}`;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function unmatchedIn(contract: GitHubContract): ContractViolation[] {
  return [{ at: '(route)', message: `is not an operation of ${contract.name}` }];
}

function uniqueViolations(violations: ContractViolation[]): ContractViolation[] {
  const seen = new Set<string>();
  return violations.filter((violation) => {
    const key = `${violation.at}\n${violation.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function queryRecord(params: URLSearchParams): Record<string, string | string[]> {
  const record: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    record[key] = values.length === 1 ? values[0]! : values;
  }
  return record;
}

function headerRecord(incoming: IncomingMessage): Record<string, string | string[]> {
  const record: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(incoming.headers)) if (value !== undefined) record[key] = value;
  return record;
}

function readBody(incoming: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    incoming.on('error', reject);
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
