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
run(guardApp, { log }).catch((error: unknown) => {
  log.fatal({ err: error }, 'mcp-oauth-guard could not start');
  process.exit(1);
});
