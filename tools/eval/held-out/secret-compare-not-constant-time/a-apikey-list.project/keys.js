// Loads the list of accepted API keys for the MCP gateway from the environment.
export const acceptedKeys = (process.env.GATEWAY_API_KEYS || '')
  .split(',')
  .map((k) => k.trim())
  .filter(Boolean);
