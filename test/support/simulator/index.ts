/** A local GitHub for end-to-end tests and the demo: REST API per GitHub's OpenAPI description, webhooks, the app. */
export { startGitHubSimulator, appJwtProblem } from './server.js';
export type { GitHubSimulator, GitHubSimulatorOptions } from './server.js';
export { GHES_API_PREFIX, CONTROL_PREFIX, contractProblems } from './control.js';
export type { SimulatorControl, RecordedRequest, FaultSpec, PullRequestSummary, RepositorySummary } from './control.js';
export { spawnGitHubSimulator } from './remote.js';
export { GitHubContract } from './contract.js';
export type { ContractViolation, MatchedRequest } from './contract.js';
export { SERVED_OPERATION_IDS, loadServedDescription, pruneDescription } from './description.js';
export type { DescriptionName, ServedOperationId } from './description.js';
export { GitHubWorld } from './world.js';
export type {
  FileChange,
  PullRequestFile,
  SimulatedCheckRun,
  SimulatedPullRequest,
  SimulatedRepository,
  CheckAnnotationRecord,
} from './world.js';
export { gitBlobSha } from '../../../src/git-object-id.js';
export { unifiedPatch, looksBinary } from './git-objects.js';
export { addedFilesFromFolder } from './pull-request-files.js';
export { pullRequestPayload, deliverWebhook } from './webhooks.js';
export type { PullRequestAction, WebhookDelivery, WebhookResult } from './webhooks.js';
export { startApp, generateAppCredentials, freePort, defaultAppEntry } from './app-process.js';
export type { AppCredentials, RunningApp, StartAppOptions } from './app-process.js';
export { MAX_LISTED_PULL_REQUEST_FILES, paginate } from './handlers.js';
