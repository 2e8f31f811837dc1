/** Keeps the user's provider tokens between restarts of the MCP server. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

export interface StoredTokens {
  provider: string;
  accessToken: string;
  refreshToken?: string;
}

const TOKEN_FILE = path.join(homedir(), '.mcp-tools-tokens.json');

export function saveTokens(tokens: StoredTokens): void {
  const all = loadAll();
  all[tokens.provider] = tokens;
  writeFileSync(TOKEN_FILE, JSON.stringify(all, null, 2));
}

export function loadTokens(provider: string): StoredTokens | undefined {
  return loadAll()[provider];
}

function loadAll(): Record<string, StoredTokens> {
  if (!existsSync(TOKEN_FILE)) return {};
  return JSON.parse(readFileSync(TOKEN_FILE, 'utf8')) as Record<string, StoredTokens>;
}
