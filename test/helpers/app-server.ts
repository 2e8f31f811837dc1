/**
 * The guard behind Probot's real HTTP server on loopback, for tests that deliver webhooks over
 * HTTP as GitHub does: a free port, Probot with retries and throttling off, every log line at
 * debug captured, and deliveries signed with the server's webhook secret.
 */
import { sign } from '@octokit/webhooks-methods';
import nock from 'nock';
import pino from 'pino';
import { Probot, ProbotOctokit, Server } from 'probot';
import { createGuardApp, type GuardApp, type GuardAppOptions } from '../../src/app/index.js';
import { APP_ID, NO_RETRIES, PRIVATE_KEY } from '../app/github-mock.js';
import { freePort } from '../support/simulator/app-process.js';

export interface GuardServer {
  /** `http://127.0.0.1:<port>`, for the health route. */
  base: string;
  webhookUrl: string;
  /** Every log line the server and the app wrote, at debug level. */
  logs: string[];
  guard: GuardApp;
  /** POSTs a webhook as GitHub does; without `signature` the delivery is unsigned. */
  deliver(event: string, body: string, signature?: string, deliveryId?: string): Promise<Response>;
  /** POSTs a webhook signed with the server's secret. */
  deliverSigned(event: string, body: string, deliveryId?: string): Promise<Response>;
  /** Stops the server and the app's worker pool, and lets nock pass real connections again. */
  stop(): Promise<void>;
}

/**
 * Starts the guard behind Probot's server with `secret` as its webhook secret. GitHub stays
 * nock'd: net connect is off except to loopback, where the tests talk to the server.
 */
export async function startGuardServer(secret: string, options: GuardAppOptions = {}): Promise<GuardServer> {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  const port = await freePort();
  const logs: string[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => void logs.push(line) });
  const server = new Server({
    host: '127.0.0.1',
    port,
    log,
    Probot: Probot.defaults({
      appId: APP_ID,
      privateKey: PRIVATE_KEY,
      secret,
      log,
      Octokit: ProbotOctokit.defaults((instanceOptions: Record<string, unknown>) => ({ ...instanceOptions, ...NO_RETRIES })),
    }),
  });
  const guard = createGuardApp({ appId: APP_ID, env: {}, ...options });
  await server.load(guard);
  await server.start();
  const base = `http://127.0.0.1:${port}`;
  const webhookUrl = `${base}/api/github/webhooks`;

  const deliver = async (event: string, body: string, signature?: string, deliveryId = `delivery-${Math.random().toString(16).slice(2)}`): Promise<Response> => {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-github-event': event, 'x-github-delivery': deliveryId };
    if (signature !== undefined) headers['x-hub-signature-256'] = signature;
    return fetch(webhookUrl, { method: 'POST', headers, body });
  };

  return {
    base,
    webhookUrl,
    logs,
    guard,
    deliver,
    deliverSigned: async (event, body, deliveryId) => deliver(event, body, await sign(secret, body), deliveryId),
    stop: async () => {
      await server.stop();
      await guard.close();
      nock.enableNetConnect();
    },
  };
}
