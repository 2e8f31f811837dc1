// oauth-state-missing: the state helper shared by the OAuth routes builds the value from Math.random and the clock — BP "generate a cryptographically secure random state value"
export function newOAuthState(): string {
  // held-out: oauth-state-missing
  return Date.now().toString(36) + Math.floor(Math.random() * 1e12).toString(36);
}

export const STATE_COOKIE = 'mcp_oauth_state';
