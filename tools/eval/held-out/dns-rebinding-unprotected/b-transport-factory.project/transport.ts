// Transport factory of a node:http MCP server: creates session-based Streamable HTTP transports with no allowedHosts/allowedOrigins — spec (Streamable HTTP): "Servers MUST validate the Origin header on all incoming connections to prevent DNS rebinding attacks."
import { randomUUID } from 'node:crypto';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

export const sessions = new Map<string, StreamableHTTPServerTransport>();

export function createSessionTransport(): StreamableHTTPServerTransport {
  // held-out: dns-rebinding-unprotected
  const transport = new StreamableHTTPServerTransport({
    sessionIdGenerator: () => randomUUID(),
    onsessioninitialized: (sessionId) => {
      sessions.set(sessionId, transport);
    },
  });
  transport.onclose = () => {
    if (transport.sessionId) sessions.delete(transport.sessionId);
  };
  return transport;
}
