// HubSpot API helper that authenticates each call with the token kept in the request context — the MCP client's own token (SEC: "The MCP server MUST NOT pass through the token it received from the MCP client")
import { currentContext } from './context.js';

const HUBSPOT = 'https://api.hubapi.com';

export async function hubspot<T>(path: string, init: RequestInit = {}): Promise<T> {
  const { bearerToken, requestId } = currentContext();
  const response = await fetch(`${HUBSPOT}${path}`, {
    ...init,
    headers: {
      'content-type': 'application/json',
      'x-request-id': requestId,
      // held-out: token-passthrough
      authorization: `Bearer ${bearerToken}`,
    },
  });
  if (!response.ok) throw new Error(`HubSpot ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}
