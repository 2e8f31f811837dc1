// Hono middleware rejecting foreign Host and Origin headers (DNS rebinding defence for the local server in main.ts).
import { createMiddleware } from 'hono/factory';

export const rebindingGuard = (port: number) =>
  createMiddleware(async (c, next) => {
    const host = c.req.header('host');
    const origin = c.req.header('origin');
    const okHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!host || !okHosts.includes(host)) return c.text('Forbidden host', 403);
    if (origin && !okHosts.map((h) => `http://${h}`).includes(origin)) return c.text('Forbidden origin', 403);
    await next();
  });
