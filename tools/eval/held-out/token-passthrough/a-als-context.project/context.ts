// Request context: an Express middleware stores the caller's Authorization header in AsyncLocalStorage.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';

interface Ctx {
  callerAuthorization?: string;
  requestId: string;
}

export const requestContext = new AsyncLocalStorage<Ctx>();

export function captureContext(req: Request, _res: Response, next: NextFunction) {
  requestContext.run(
    { callerAuthorization: req.headers.authorization, requestId: String(req.headers['x-request-id'] ?? '') },
    next,
  );
}
