import { Server as HttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { HEALTH_PATH } from './health.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Probot's setup mode: no app id or no private key (read after Probot has loaded `.env`). */
export function isSetupMode(env: Env): boolean {
  return !env.APP_ID || !(env.PRIVATE_KEY || env.PRIVATE_KEY_PATH);
}

/** GET /healthz while the app waits to be registered: 200 with `status: setup`, so a probe can tell it apart from `ok`. */
export function createSetupHealthHandler(startedAt = Date.now()) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== HEALTH_PATH || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
    const body = JSON.stringify({ status: 'setup', name: TOOL_NAME, version: TOOL_VERSION, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) });
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  };
}

/**
 * In setup mode Probot serves its own setup app instead of ours, so the app's /healthz route is never
 * added, and Probot's Server does not expose its HTTP server. So the next HTTP server that starts
 * listening (Probot's, started by `run`) gets the health route in front of its request listeners,
 * when the environment is in setup mode at that moment. Called once, before `run`.
 */
export function answerHealthInSetupMode(env: Env = process.env): void {
  const listen = HttpServer.prototype.listen;
  HttpServer.prototype.listen = function listenWithSetupHealth(this: HttpServer, ...args: unknown[]) {
    HttpServer.prototype.listen = listen;
    if (isSetupMode(env)) {
      const health = createSetupHealthHandler();
      const probotListeners = this.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
      this.removeAllListeners('request');
      this.on('request', (req: IncomingMessage, res: ServerResponse) => {
        if (health(req, res)) return;
        for (const listener of probotListeners) listener.call(this, req, res);
      });
    }
    return (listen as (...a: unknown[]) => HttpServer).apply(this, args);
  } as typeof listen;
}
