import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, withoutExtends } from '../../src/cli/config-file.js';

describe('the app-only _extends key', () => {
  test('is dropped with its line kept, so later error lines still point right', () => {
    expect(withoutExtends('_extends: org/.github\nfail_on: high\n')).toEqual({ text: '#\nfail_on: high\n', extended: 'org/.github' });
    expect(withoutExtends('fail_on: note\n')).toEqual({ text: 'fail_on: note\n' });
  });

  test("the CLI reads the app's config file, notes the _extends it cannot follow, and keeps the rest", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'guard-extends-'));
    mkdirSync(join(dir, '.github'));
    writeFileSync(join(dir, '.github', 'mcp-oauth-guard.yml'), "_extends: '.github'\nfail_on: warning\n");
    const loaded = await loadConfig(dir, undefined);
    expect(loaded.result).toMatchObject({ ok: true, config: { failOn: 'warning' } });
    expect(loaded.notes).toEqual([expect.stringContaining("'_extends: .github' is resolved only by the GitHub App")]);
  });
});

test('a reader that closes the pipe early does not make the CLI crash', async () => {
  const child = spawn(process.execPath, ['lib/cli/main.js', 'scan', 'examples', 'test/fixtures', '--format', 'sarif'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(stderr).not.toMatch(/EPIPE|internal error|Error:/);
  expect([0, 1]).toContain(code);
});
