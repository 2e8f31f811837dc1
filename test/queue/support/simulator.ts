/**
 * The one place the queue tests (and the queue soak) reach the local GitHub simulator. When the
 * simulator moves (src/simulator → test/support/simulator), only these paths change.
 */
export { generateAppCredentials, freePort, type AppCredentials } from '../../../src/simulator/app-process.js';
export { contractProblems, GHES_API_PREFIX, type PullRequestSummary, type RepositorySummary, type SimulatorControl } from '../../../src/simulator/control.js';
export { addedFilesFromFolder } from '../../../src/simulator/pull-request-files.js';
export { spawnGitHubSimulator } from '../../../src/simulator/remote.js';
export { deliverWebhook, pullRequestPayload } from '../../../src/simulator/webhooks.js';
export type { FileChange, SimulatedCheckRun } from '../../../src/simulator/world.js';
export { startApp, type RunningApp } from '../../../src/simulator/app-process.js';
export { openPullRequestAndAwaitCheck } from '../../../src/simulator/scenario.js';
