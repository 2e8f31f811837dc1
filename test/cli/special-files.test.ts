/**
 * Audit #16: `scan pipe.ts ok.ts` hung forever on a FIFO (open before stat). Anything but a
 * regular file is reported, never opened: named on the command line, as .gitignore or as config.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { runCli, type CliIo } from '../../src/cli/scan.js';
import { readSourceFile } from '../../src/cli/read.js';
import { CLEAN_SOURCE, makeProject } from './temp-project.js';

function io(cwd: string) {
  let stdout = '';
  let stderr = '';
  const cli: CliIo = { cwd, env: {}, stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) }, now: Date.now, writeFile: async () => undefined };
  return { cli, stdout: () => stdout, stderr: () => stderr };
}

describe('FIFOs and other special files', () => {
  const project = makeProject({ 'ok.ts': CLEAN_SOURCE, 'walk/src/a.ts': CLEAN_SOURCE, 'cfg/ok.ts': CLEAN_SOURCE });
  beforeAll(() => {
    execFileSync('mkfifo', [join(project.root, 'pipe.ts'), join(project.root, 'walk/.gitignore'), join(project.root, 'cfg/.mcp-oauth-guard.yml')]);
  });
  afterAll(() => project.cleanup());

  test('readSourceFile reports a FIFO without opening it', async () => {
    expect(await readSourceFile(join(project.root, 'pipe.ts'), 1024)).toEqual({ ok: false, message: 'could not be read: not a regular file' });
  }, 5000);

  test('a FIFO named on the command line is an error entry; the other file is scanned', async () => {
    const run = io(project.root);
    expect(await runCli(['scan', 'pipe.ts', 'ok.ts', '--format', 'json'], run.cli)).toBe(0);
    const report = JSON.parse(run.stdout()) as { stats: { files: number }; errors: { file: string; message: string }[] };
    expect(report.errors).toEqual([{ file: 'pipe.ts', message: 'could not be read: not a regular file' }]);
  }, 5000);

  test('a FIFO as .gitignore does not stall the directory walk', async () => {
    const run = io(join(project.root, 'walk'));
    expect(await runCli(['scan', '--format', 'json'], run.cli)).toBe(0);
    expect((JSON.parse(run.stdout()) as { stats: { files: number } }).stats.files).toBe(1);
  }, 5000);

  test('a FIFO as the config file is a clear config error', async () => {
    const run = io(join(project.root, 'cfg'));
    expect(await runCli(['scan'], run.cli)).toBe(2);
    expect(run.stderr()).toContain("cannot read config file '.mcp-oauth-guard.yml': not a regular file");
  }, 5000);
});
