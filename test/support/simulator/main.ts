/**
 * The simulator as its own process (`node build/test/support/simulator/main.js`), driven through the control routes.
 * Environment: SIMULATOR_APP_ID, SIMULATOR_APP_PUBLIC_KEY (PEM, optional), SIMULATOR_DESCRIPTIONS (comma-separated).
 * Prints one JSON line `{"url","port","host"}` when it listens; exits when its stdin closes (the parent is gone).
 */
import type { DescriptionName } from './description.js';
import { startGitHubSimulator } from './server.js';

const appId = Number(process.env.SIMULATOR_APP_ID);
if (!Number.isInteger(appId) || appId <= 0) {
  process.stderr.write('SIMULATOR_APP_ID must be a positive integer\n');
  process.exit(2);
}
const descriptions = (process.env.SIMULATOR_DESCRIPTIONS ?? 'api.github.com')
  .split(',')
  .map((name) => name.trim())
  .filter(Boolean) as DescriptionName[];

const simulator = await startGitHubSimulator({
  appId,
  ...(process.env.SIMULATOR_APP_PUBLIC_KEY ? { appPublicKey: process.env.SIMULATOR_APP_PUBLIC_KEY } : {}),
  descriptions,
  control: true,
});
process.stdout.write(`${JSON.stringify({ url: simulator.url, port: simulator.port, host: simulator.host })}\n`);
// While the parent starts the app; control and API requests wait for this to finish.
setImmediate(() => simulator.warmUp());

const shutdown = () => {
  void simulator.close().finally(() => process.exit(0));
};
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
process.stdin.on('end', shutdown);
process.stdin.resume();
