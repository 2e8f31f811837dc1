/**
 * The webhook body, read before Probot sees it: capped at GitHub's own payload limit (25 MB) and
 * checked against the signature, so an unauthenticated POST costs at most the cap in memory and
 * one short log line, never a buffered gigabyte or a payload copied into the log.
 *
 * Probot's server puts its webhook middleware ahead of every handler an app can add, and reads
 * the whole body there. So the intake attaches itself to the HTTP server through Node's
 * `http.server.request.start` diagnostics channel, which names the server before its first
 * request is dispatched, and runs ahead of the server's own request listeners. A delivery that
 * passes is handed on with the body already read (`request.body`, which Probot's middleware uses
 * instead of reading the stream again).
 */
import { channel, type Channel } from 'node:diagnostics_channel';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Logger } from 'pino';

/** GitHub caps webhook payloads at 25 MB and drops larger ones; nothing larger is a real delivery. */
export const MAX_WEBHOOK_BYTES = 25 * 1024 * 1024;
/** Bytes of all webhook bodies being read at once; past it, new bytes are refused with 503. */
export const MAX_PENDING_WEBHOOK_BYTES = 64 * 1024 * 1024;

export interface WebhookIntakeOptions {
  /** The webhook route, e.g. `/api/github/webhooks`. */
  path: string;
  /** Whether `signature` (X-Hub-Signature-256) signs `payload` with this app's secret. */
  verify(payload: string, signature: string): Promise<boolean>;
  log: Logger;
  maxBytes?: number;
  maxPendingBytes?: number;
}

interface Intake extends WebhookIntakeOptions {
  maxBytes: number;
  maxPendingBytes: number;
}

interface IntakeState {
  intakes: Set<Intake>;
  guardedServers: WeakSet<Server>;
  pendingBytes: number;
  listener?: (message: unknown) => void;
}

// One state per process, kept on the diagnostics channel object itself: the module may be loaded
// more than once (a test runner gives each test file its own module registry and its own
// globalThis), and two copies that each wrapped a server would both read one request body.
const STATE_KEY = Symbol.for('mcp-oauth-guard.webhook-intake');
const requestStart = channel('http.server.request.start') as Channel & { [STATE_KEY]?: IntakeState };
const state: IntakeState = (requestStart[STATE_KEY] ??= { intakes: new Set(), guardedServers: new WeakSet(), pendingBytes: 0 });

/** Starts guarding the webhook route of every HTTP server in this process; returns the function that stops it. */
export function registerWebhookIntake(options: WebhookIntakeOptions): () => void {
  const intake: Intake = { maxBytes: MAX_WEBHOOK_BYTES, maxPendingBytes: MAX_PENDING_WEBHOOK_BYTES, ...options };
  if (!state.listener) {
    state.listener = onRequestStart;
    requestStart.subscribe(onRequestStart);
  }
  state.intakes.add(intake);
  return () => {
    state.intakes.delete(intake);
    if (state.intakes.size === 0 && state.listener) {
      requestStart.unsubscribe(state.listener);
      state.listener = undefined;
    }
  };
}

/**
 * Stops every intake of this process, whichever loaded copy registered it. For a host that loads
 * and drops apps in one process (a test runner whose test files leave apps open): a server of the
 * next file must not be guarded with the secret of an app nobody closed.
 */
export function stopAllWebhookIntakes(): void {
  state.intakes.clear();
  if (state.listener) {
    requestStart.unsubscribe(state.listener);
    state.listener = undefined;
  }
}

function onRequestStart(message: unknown): void {
  const server = (message as { server?: Server }).server;
  if (!server || state.guardedServers.has(server)) return;
  state.guardedServers.add(server);
  // Runs synchronously before this first request is emitted, so it too goes through the intake.
  const listeners = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners('request');
  const forward = (req: IncomingMessage, res: ServerResponse) => {
    for (const listener of listeners) listener.call(server, req, res);
  };
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    // A body already read (by an intake in front of this one) is never read twice: the stream has ended.
    const alreadyRead = typeof (req as IncomingMessage & { body?: unknown }).body === 'string';
    const candidates = req.method === 'POST' && !alreadyRead ? [...state.intakes].filter((intake) => pathOf(req) === intake.path) : [];
    if (candidates.length === 0) return forward(req, res);
    void admit(candidates, req, res).then((admitted) => {
      if (admitted) forward(req, res);
    });
  });
}

/** Reads and verifies one delivery; answers and returns false when it is refused. */
async function admit(candidates: Intake[], req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const limits = candidates[0]!;
  const log = limits.log;
  const delivery = { deliveryId: header(req, 'x-github-delivery'), event: header(req, 'x-github-event') };
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limits.maxBytes) {
    log.warn({ ...delivery, bytes: declared }, 'webhook refused: body over the 25 MB cap');
    refuse(req, res, 413, 'payload too large');
    return false;
  }
  const body = await readCapped(req, limits.maxBytes, limits.maxPendingBytes);
  if (body.kind !== 'ok') {
    if (body.kind === 'too-large') {
      log.warn({ ...delivery, bytes: body.bytes }, 'webhook refused: body over the 25 MB cap');
      refuse(req, res, 413, 'payload too large');
    } else if (body.kind === 'busy') {
      log.warn({ ...delivery, bytes: body.bytes }, 'webhook refused: too many webhook bytes in flight');
      refuse(req, res, 503, 'busy, retry later');
    }
    return false;
  }
  const signature = header(req, 'x-hub-signature-256');
  const valid = signature !== undefined && (await anyVerifies(candidates, body.text, signature));
  if (!valid) {
    log.warn({ ...delivery, bytes: body.bytes }, signature === undefined ? 'webhook refused: no signature' : 'webhook refused: signature does not match');
    refuse(req, res, 400, 'signature does not match');
    return false;
  }
  (req as IncomingMessage & { body?: string }).body = body.text;
  return true;
}

async function anyVerifies(candidates: Intake[], payload: string, signature: string): Promise<boolean> {
  for (const intake of candidates) {
    if (await intake.verify(payload, signature).catch(() => false)) return true;
  }
  return false;
}

type BodyRead = { kind: 'ok'; text: string; bytes: number } | { kind: 'too-large' | 'busy'; bytes: number } | { kind: 'gone' };

function readCapped(req: IncomingMessage, maxBytes: number, maxPendingBytes: number): Promise<BodyRead> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    let settled = false;
    const finish = (result: BodyRead) => {
      if (settled) return;
      settled = true;
      state.pendingBytes -= bytes;
      req.off('data', onData);
      if (result.kind !== 'ok') {
        chunks.length = 0;
        // Stop reading: the rest of the body is never buffered.
        req.pause();
      }
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      if (bytes + chunk.length > maxBytes) return finish({ kind: 'too-large', bytes: bytes + chunk.length });
      if (state.pendingBytes + chunk.length > maxPendingBytes) return finish({ kind: 'busy', bytes: bytes + chunk.length });
      bytes += chunk.length;
      state.pendingBytes += chunk.length;
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => finish({ kind: 'ok', text: Buffer.concat(chunks).toString('utf8'), bytes }));
    req.once('error', () => finish({ kind: 'gone' }));
    req.once('close', () => finish({ kind: 'gone' }));
  });
}

/** Answers, then closes the connection so the unread rest of the body is not read. */
function refuse(req: IncomingMessage, res: ServerResponse, status: number, error: string): void {
  if (res.headersSent) return void req.socket.destroy();
  res.writeHead(status, { 'content-type': 'application/json', connection: 'close' });
  res.end(JSON.stringify({ error }), () => req.socket.destroy());
}

function pathOf(req: IncomingMessage): string {
  const url = req.url ?? '';
  const query = url.indexOf('?');
  return (query < 0 ? url : url.slice(0, query)).replace(/\/+$/, '') || '/';
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value.slice(0, 200) : undefined;
}
