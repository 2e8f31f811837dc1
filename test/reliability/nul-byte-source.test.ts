/**
 * Audit #2: one NUL byte in a comment made a .ts file "binary"; it was skipped and the check
 * passed, though the file still compiles and runs. A source file is analysed whatever its bytes.
 */
import nock from 'nock';
import { runCli } from '../../src/cli/scan.js';
import { decodeAddedFile, decodeFileBytes } from '../../src/app/files.js';
import { blobSha, gitHubForFirstRun, loadGuard, receivePullRequest } from '../app/github-mock.js';
import { makeProject } from '../cli/temp-project.js';

const LEAKS_WITH_NUL = 'export function onTokens(t: { access_token: string }) {\n  const accessToken = t.access_token;\n  console.log("token", accessToken); // \0\n}\n';

describe('a NUL byte in a source file', () => {
  test('the file is decoded as text from a blob, the tarball or a patch', () => {
    // Each NUL is read as a space: same length and lines, so findings keep their positions.
    const asText = LEAKS_WITH_NUL.replace('\0', ' ');
    expect(decodeFileBytes('src/server.ts', Buffer.from(LEAKS_WITH_NUL), 1024)).toEqual({ kind: 'file', file: { path: 'src/server.ts', text: asText } });
    expect(decodeAddedFile('src/server.ts', LEAKS_WITH_NUL, 1024)).toEqual({ kind: 'file', file: { path: 'src/server.ts', text: asText } });
  });

  test('the app analyses it and the check fails on the finding', async () => {
    nock.disableNetConnect();
    // GitHub shows a file with a NUL byte as binary: no patch, so the blob is fetched.
    const github = gitHubForFirstRun([{ filename: 'src/server.ts', status: 'added', sha: blobSha('nul'), changes: 4, content: LEAKS_WITH_NUL }]);
    const { probot } = await loadGuard();
    await receivePullRequest(probot);
    expect(nock.pendingMocks()).toEqual([]);
    nock.cleanAll();
    expect(github.completion.conclusion).toBe('failure');
    expect(github.annotations.map((annotation) => annotation.path)).toContain('src/server.ts');
    expect(github.completion.output.summary).not.toContain('binary');
  });

  test('the CLI reports the finding and exits 1', async () => {
    const project = makeProject({ 'src/server.ts': LEAKS_WITH_NUL });
    try {
      let stdout = '';
      const code = await runCli(['scan', '--format', 'json'], { cwd: project.root, env: {}, stdout: { write: (text: string) => (stdout += text) }, stderr: { write: () => undefined }, now: Date.now, writeFile: async () => undefined });
      expect(code).toBe(1);
      const report = JSON.parse(stdout) as { findings: { ruleId: string; file: string }[]; errors: { message: string }[] };
      expect(report.findings.map((finding) => [finding.ruleId, finding.file])).toContainEqual(['token-logged', 'src/server.ts']);
      expect(report.errors).toEqual([{ file: 'src/server.ts', message: 'contains NUL bytes: analysed with each NUL read as a space' }]);
    } finally {
      project.cleanup();
    }
  });
});
