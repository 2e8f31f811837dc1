import type { IncomingMessage, ServerResponse } from 'node:http';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';

export const HEALTH_PATH = '/healthz';

/**
 * GET /healthz for load balancers and the Dockerfile's HEALTHCHECK: 200 with a small JSON body
 * while the process serves requests. It reveals nothing about installations or repositories.
 */
export function createHealthHandler(activeRuns: () => number, startedAt = Date.now()) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== HEALTH_PATH || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
    const body = JSON.stringify({ status: 'ok', name: TOOL_NAME, version: TOOL_VERSION, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000), activeRuns: activeRuns() });
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  };
}
