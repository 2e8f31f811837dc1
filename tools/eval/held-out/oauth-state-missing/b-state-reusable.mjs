// ESM MCP authorization proxy: state values are random, but the callback only looks them up and never consumes them, so a state can be replayed — best practices: state values must be single-use.
import { randomBytes } from 'node:crypto';

const issuedStates = new Map();

export function createAuthorizationRedirect(mcpTxnId) {
  const state = randomBytes(24).toString('base64url');
  issuedStates.set(state, { mcpTxnId, expiresAt: Date.now() + 10 * 60_000 });
  return `https://slack.example/oauth/v2/authorize?client_id=${process.env.SLACK_CLIENT_ID}&scope=channels:read&redirect_uri=${encodeURIComponent(process.env.SLACK_REDIRECT)}&state=${state}`;
}

export async function handleCallback(query, completeTxn) {
  // held-out: oauth-state-missing
  const record = issuedStates.get(query.state);
  if (!record || record.expiresAt < Date.now()) {
    throw new Error('invalid state');
  }
  return completeTxn(record.mcpTxnId, query.code);
}
