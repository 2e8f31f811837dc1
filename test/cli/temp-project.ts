import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A throwaway directory tree outside any git repository: `{ 'src/a.ts': 'text' }`. */
export function makeProject(files: Record<string, string | Uint8Array>): { root: string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'mcp-oauth-guard-cli-'));
  for (const [path, content] of Object.entries(files)) {
    const absolute = join(root, path);
    mkdirSync(dirname(absolute), { recursive: true });
    if (path.endsWith('/')) mkdirSync(absolute, { recursive: true });
    else writeFileSync(absolute, content);
  }
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/**
 * A suppression comment without a reason: the engine reports it as a `suppression-missing-reason`
 * note whatever the OAuth rules do, so CLI tests have a finding that does not depend on them.
 */
export const NOTE_ONLY_SOURCE = `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
const server = new McpServer({ name: 'weather', version: '1.0.0' });
// mcp-oauth-guard-ignore token-logged
server.tool('forecast', async () => ({ content: [{ type: 'text', text: 'sunny' }] }));
`;

export const CLEAN_SOURCE = `export function add(a: number, b: number): number {
  return a + b;
}
`;
