/**
 * Audits #5 and #6: size limits apply to the blob's own size. A blob of 6 MB or more came back
 * from Octokit as JSON text and failed the check with "Received undefined"; a blob that
 * `eol=crlf` grew past the limit in the tarball was skipped as too large and the run passed.
 */
import nock from 'nock';
import { blobFromResponse } from '../../src/app/github/client.js';
import { blobSha, GitHubMock, HEAD_SHA, loadGuard, receivePullRequest } from './github-mock.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});

describe('blobFromResponse', () => {
  test('an object, or the same JSON as text, is a blob; anything else is a clear error', () => {
    const blob = { sha: 'x', size: 3, encoding: 'base64', content: Buffer.from('abc').toString('base64') };
    expect(blobFromResponse(blob)).toEqual({ size: 3, encoding: 'base64', content: blob.content });
    expect(blobFromResponse(JSON.stringify(blob))).toEqual({ size: 3, encoding: 'base64', content: blob.content });
    expect(() => blobFromResponse('<html>')).toThrow(/is not the JSON the blob API returns/);
    expect(() => blobFromResponse({ size: 3 })).toThrow(/has no content/);
  });
});

test('a 6 MB blob served as JSON text is skipped by its size, with a clear reason', async () => {
  const sha = blobSha('huge');
  const content = Buffer.alloc(6 * 1024 * 1024, 0x61);
  const github = new GitHubMock().installationToken().startsAnalysis(HEAD_SHA).files([{ filename: 'src/big.ts', status: 'modified', sha, changes: 1, patch: '@@ -1 +1 @@\n-a\n+b' }]).updatesRun();
  // What Octokit hands back for a large blob: the JSON as text.
  nock('https://api.github.com')
    .get(`${github.repoPath}/git/blobs/${sha}`)
    .reply(200, JSON.stringify({ sha, size: content.length, encoding: 'base64', content: content.toString('base64') }), { 'content-type': 'text/plain' });
  const { probot } = await loadGuard();
  await receivePullRequest(probot);
  const { output } = github.completion;
  expect(output.summary).toContain('`src/big.ts`: 6.0 MB is over the 1.0 MB limit');
  expect(output.summary).not.toContain('Received undefined');
});
