// Shared configuration: the transport options server.ts uses leave DNS rebinding protection out.
import { randomUUID } from 'node:crypto';
import type { StreamableHTTPServerTransportOptions } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

export const HTTP_PORT = 4820;
export const HTTP_HOST = '127.0.0.1';

export const transportOptions: StreamableHTTPServerTransportOptions = {
  sessionIdGenerator: () => randomUUID(),
  enableJsonResponse: false,
};
