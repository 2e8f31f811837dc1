/**
 * The production entry (`node lib/app/server.js`, the Dockerfile's command): the same app and
 * Probot's standard environment as `probot run ./lib/app/index.js`, with a root logger that
 * redacts tokens, keys and Authorization headers (Probot's default logger redacts nothing), and
 * a clear refusal to start without WEBHOOK_SECRET in production.
 */
import { run } from 'probot';
import guardApp, { assertProductionSecrets } from './index.js';
import { createRootLogger } from './logging.js';

try {
  assertProductionSecrets(process.env);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

const log = createRootLogger();
// REDIS_URL is ours (queue mode); Probot would also move its rate limiter into Redis with it, making
// every GitHub request depend on Redis. Probot gets the environment without it.
const { REDIS_URL: _queueRedis, ...probotEnv } = process.env;
run(guardApp, { log, env: probotEnv }).catch((error: unknown) => {
  log.fatal({ err: error }, 'mcp-oauth-guard could not start');
  process.exit(1);
});
