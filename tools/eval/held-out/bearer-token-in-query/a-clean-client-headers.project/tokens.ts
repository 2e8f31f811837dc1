// Token cache for transport.ts: reads the OS keychain entry written at login.
import keytar from 'keytar';

export async function currentAccessToken(): Promise<string> {
  const stored = await keytar.getPassword('mcp-cli', 'access_token');
  if (!stored) throw new Error('not logged in; run `mcp-cli login`');
  return stored;
}
