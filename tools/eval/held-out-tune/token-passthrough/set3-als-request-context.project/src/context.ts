// Request context: an AsyncLocalStorage holding the caller's bearer token for the duration of one MCP request
import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';

export interface RequestContext {
  bearerToken: string;
  requestId: string;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();

export function withRequestContext(req: Request, _res: Response, next: NextFunction) {
  const bearerToken = (req.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
  requestContext.run({ bearerToken, requestId: String(req.headers['x-request-id'] ?? crypto.randomUUID()) }, next);
}

export function currentContext(): RequestContext {
  const ctx = requestContext.getStore();
  if (!ctx) throw new Error('no request context');
  return ctx;
}
