/**
 * The production entry (`node lib/app/server.js`, the Dockerfile's command): the same app and
 * Probot's standard environment as `probot run ./lib/app/index.js`, with a root logger that
 * redacts tokens, keys and Authorization headers (Probot's default logger redacts nothing), and
 * a clear refusal to start without WEBHOOK_SECRET in production. `npm start` runs it too, so
 * development logs look like production's. In setup mode (no credentials yet) /healthz answers
 * `status: setup`.
 */
import { run } from 'probot';
import guardApp, { assertProductionSecrets } from './index.js';
import { createRootLogger } from './logging.js';
import { answerHealthInSetupMode } from './setup-health.js';
import { applyHeapPolicy } from '../heap-policy.js';

// Bounded heap growth for the server and its analysis threads (src/heap-policy.ts).
applyHeapPolicy();

try {
  assertProductionSecrets(process.env);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

const log = createRootLogger();
// The app's own SIGTERM/SIGINT handler (index.ts) completes the runs in flight and exits; say so first.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => log.info({ signal }, 'shutting down: completing the check runs in flight (at most 8 s), then exiting'));
}
answerHealthInSetupMode();
// REDIS_URL is ours (queue mode); Probot would also move its rate limiter into Redis with it, making
// every GitHub request depend on Redis. Probot gets the environment without it.
const { REDIS_URL: _queueRedis, ...probotEnv } = process.env;
run(guardApp, { log, env: probotEnv }).catch((error: unknown) => {
  log.fatal({ err: error }, 'mcp-oauth-guard could not start');
  process.exit(1);
});
