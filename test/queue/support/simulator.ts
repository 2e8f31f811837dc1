/**
 * The one place the queue tests (and the queue soak) reach the local GitHub simulator. When the
 * simulator moves (src/simulator → test/support/simulator), only these paths change.
 */
export { generateAppCredentials, freePort, type AppCredentials } from '../../support/simulator/app-process.js';
export { contractProblems, GHES_API_PREFIX, type PullRequestSummary, type RepositorySummary, type SimulatorControl } from '../../support/simulator/control.js';
export { addedFilesFromFolder } from '../../support/simulator/pull-request-files.js';
export { spawnGitHubSimulator } from '../../support/simulator/remote.js';
export { deliverWebhook, pullRequestPayload } from '../../support/simulator/webhooks.js';
export type { FileChange, SimulatedCheckRun } from '../../support/simulator/world.js';
export { startApp, type RunningApp } from '../../support/simulator/app-process.js';
export { openPullRequestAndAwaitCheck } from '../../support/simulator/scenario.js';
