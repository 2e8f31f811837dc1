/**
 * The simulator's control surface, shared by the in-process simulator and the remote one (a child process driven
 * over HTTP). Tests run under Jest, which cannot load openapi-backend's ESM dependency, so they drive a simulator
 * process through this interface; the demo runs it in-process. This module imports nothing heavy.
 */
import type { AddPullRequestOptions, AddRepositoryOptions, SimulatedCheckRun, SimulatedPullRequest, SimulatedRepository } from './world.js';
import type { ServedOperationId } from './description.js';
import type { ContractViolation } from './contract.js';

/** GitHub Enterprise Server serves the REST API under this prefix; github.com at the root. */
export const GHES_API_PREFIX = '/api/v3';
/** Control routes live under this path, which GitHub's API does not use. */
export const CONTROL_PREFIX = '/_simulator';

export interface RecordedRequest {
  /** Order of arrival, from 1. */
  sequence: number;
  /** Milliseconds since the simulator started. */
  at: number;
  method: string;
  /** Path and query as sent, including any `/api/v3` prefix. */
  url: string;
  prefix: '' | typeof GHES_API_PREFIX;
  /** The documented route (`GET /repos/{owner}/{repo}/pulls/{pull_number}/files`); undefined when nothing matched. */
  route: string | undefined;
  operationId: ServedOperationId | undefined;
  status: number;
  /** Request problems per the description (and its prose constraints); empty for a valid request. */
  violations: ContractViolation[];
  /** Problems of the simulator's own response per the description; empty unless the simulator drifted. */
  responseViolations: ContractViolation[];
  auth: 'app-jwt' | 'installation-token' | 'none' | 'invalid';
  /** True when the answer came from an injected fault. */
  injected: boolean;
  body: unknown;
  durationMs: number;
}

export interface FaultSpec {
  operationId: ServedOperationId;
  /** HTTP status to answer with, e.g. 500, 502, 403. */
  status: number;
  /** How many matching requests get the fault (default 1). */
  times?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Wait this long before answering (to simulate a slow GitHub). */
  delayMs?: number;
}

export type RepositorySummary = Pick<SimulatedRepository, 'id' | 'owner' | 'name' | 'defaultBranch' | 'private' | 'defaultBranchSha'>;
export type PullRequestSummary = Omit<SimulatedPullRequest, 'headTree'>;

/** What a test or the demo can do with a simulator, wherever it runs. */
export interface SimulatorControl {
  /** e.g. `http://127.0.0.1:41234` */
  readonly url: string;
  readonly port: number;
  /** `127.0.0.1:<port>`, the value for Probot's `GHE_HOST`. */
  readonly host: string;
  addRepository(request: AddRepositoryOptions): Promise<RepositorySummary>;
  addInstallation(request: { id: number; account: string; repositories: string[] }): Promise<void>;
  addPullRequest(request: AddPullRequestOptions): Promise<PullRequestSummary>;
  /** Writes (or with no content, deletes) a file on a repository's default branch. */
  setDefaultBranchFile(request: { owner: string; repo: string; path: string; content?: string }): Promise<void>;
  /** Makes the next `times` requests of an operation fail. */
  injectFault(fault: FaultSpec): Promise<void>;
  checkRuns(request: { owner: string; repo: string; headSha?: string }): Promise<SimulatedCheckRun[]>;
  requests(): Promise<RecordedRequest[]>;
  clearRequests(): Promise<void>;
  /** Resolves when a check run of that name on that SHA is completed; rejects after `timeoutMs`. */
  waitForCompletedCheckRun(request: { owner: string; repo: string; headSha: string; name: string; timeoutMs?: number }): Promise<SimulatedCheckRun>;
  close(): Promise<void>;
}

export type ControlMethod = Exclude<keyof SimulatorControl, 'url' | 'port' | 'host' | 'close'>;
export const CONTROL_METHODS: readonly ControlMethod[] = [
  'addRepository',
  'addInstallation',
  'addPullRequest',
  'setDefaultBranchFile',
  'injectFault',
  'checkRuns',
  'requests',
  'clearRequests',
  'waitForCompletedCheckRun',
];

/** Requests that broke the description, or whose response did (injected faults excepted). Empty when all kept to the API. */
export function contractProblems(requests: readonly RecordedRequest[]): RecordedRequest[] {
  return requests.filter(
    (request) =>
      !request.injected &&
      !request.url.startsWith(CONTROL_PREFIX) &&
      (request.operationId === undefined || request.violations.length > 0 || request.responseViolations.length > 0),
  );
}

/** JSON cannot carry Buffers: binary file contents travel as `{ base64 }`. */
export function encodeForWire(value: unknown): unknown {
  if (Buffer.isBuffer(value)) return { base64: value.toString('base64') };
  if (Array.isArray(value)) return value.map(encodeForWire);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, encodeForWire(child)]));
  }
  return value;
}

export function decodeFromWire(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeFromWire);
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    if (keys.length === 1 && keys[0] === 'base64' && typeof record.base64 === 'string') return Buffer.from(record.base64, 'base64');
    return Object.fromEntries(keys.map((key) => [key, decodeFromWire(record[key])]));
  }
  return value;
}
