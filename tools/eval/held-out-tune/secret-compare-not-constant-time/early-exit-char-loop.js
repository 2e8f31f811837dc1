// Hand-written "secure" compare of an MCP server's access token that returns at the first differing character, which is exactly the timing leak it means to avoid; CWE-208.
export function tokensMatch(presentedToken, expectedToken) {
  if (!presentedToken || !expectedToken || presentedToken.length !== expectedToken.length) return false;
  for (let i = 0; i < expectedToken.length; i++) {
    // held-out: secret-compare-not-constant-time
    if (presentedToken[i] !== expectedToken[i]) return false;
  }
  return true;
}

export function authenticate(req) {
  const presentedToken = (req.headers.authorization || '').replace(/^Bearer /, '');
  return tokensMatch(presentedToken, process.env.MCP_ACCESS_TOKEN);
}
