// Factory that creates the Streamable HTTP transport for each new MCP session, with no DNS rebinding protection — Streamable HTTP transport: "Servers MUST validate the Origin header on all incoming connections"
import { randomUUID } from 'node:crypto';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

export type SessionTable = Map<string, StreamableHTTPServerTransport>;

export function createSessionTransport(sessions: SessionTable): StreamableHTTPServerTransport {
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

export function findSession(sessions: SessionTable, header: string | string[] | undefined) {
  const id = Array.isArray(header) ? header[0] : header;
  return id ? sessions.get(id) : undefined;
}
