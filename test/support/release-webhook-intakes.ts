/**
 * Runs after every test file (jest setupFilesAfterEnv): webhook intakes are process-wide (they
 * guard every HTTP server of the process, as the one server of a deployment), and test files share
 * a worker process. An app a file left open must not guard the next file's servers with its secret.
 */
import { afterAll } from '@jest/globals';
import { stopAllWebhookIntakes } from '../../src/app/webhook-intake.js';

afterAll(() => stopAllWebhookIntakes());
