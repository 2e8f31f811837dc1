// Transport factory module: builds the Streamable HTTP transport without DNS rebinding protection for the local server started in index.ts (MCP transports: "Servers MUST validate the Origin header on all incoming connections").
import { randomUUID } from 'node:crypto';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

export type SessionTable = Map<string, StreamableHTTPServerTransport>;

export function createSessionTransport(sessions: SessionTable): StreamableHTTPServerTransport {
  // held-out: dns-rebinding-unprotected
  const transport = new StreamableHTTPServerTransport({
    sessionIdGenerator: () => randomUUID(),
    onsessioninitialized: (id) => {
      sessions.set(id, transport);
    },
  });
  transport.onclose = () => {
    if (transport.sessionId) sessions.delete(transport.sessionId);
  };
  return transport;
}
