// Upstream HTTP helper: reads the stored caller Authorization header and re-sends it to the inventory API.
import { requestContext } from './context.js';

export async function upstreamGet(path: string) {
  const ctx = requestContext.getStore();
  const headers: Record<string, string> = { 'x-request-id': ctx?.requestId ?? '' };
  if (ctx?.callerAuthorization) {
    // held-out: token-passthrough
    headers['Authorization'] = ctx.callerAuthorization;
  }
  const res = await fetch(`https://inventory.corp.example.com${path}`, { headers });
  return res.json();
}
