/**
 * The simulator serves repository tarballs as GitHub does: `repos/download-tarball-archive` answers 302 to a
 * codeload link, and the archive there is what `git archive` writes for the commit, byte for byte.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { createAppAuth } from '@octokit/auth-app';
import { ProbotOctokit } from 'probot';
import { extractWantedFiles } from '../../src/app/tarball.js';
import { gitBlobSha } from '../../src/git-object-id.js';
import { generateAppCredentials } from '../support/simulator/app-process.js';
import { contractProblems, GHES_API_PREFIX, type SimulatorControl } from '../support/simulator/control.js';
import { spawnGitHubSimulator } from '../support/simulator/remote.js';
import { codeloadPrefix, gitArchiveTar, gitArchiveTarGz } from '../support/simulator/tarball-writer.js';
import type { FileChange } from '../support/simulator/world.js';

const LIMITS = { maxArchiveBytes: 64 * 1024 * 1024, maxFileBytes: 1024 * 1024 };

describe('the simulator’s tar writer', () => {
  let repository: string;
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'tar.umask=002', ...args], {
      cwd: repository,
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });

  beforeAll(() => {
    repository = mkdtempSync(path.join(tmpdir(), 'tar-writer-'));
  });

  afterAll(() => {
    rmSync(repository, { recursive: true, force: true });
  });

  it('writes what `git archive` writes for the same commit, byte for byte', () => {
    const files = new Map<string, Buffer>([
      ['README.md', Buffer.from('# tools\n')],
      ['src/server.ts', Buffer.from("export const name = 'tools';\n")],
      ['src/empty.ts', Buffer.alloc(0)],
      ['src/ünïcödé/créditos.ts', Buffer.from('export const saludo = "¡hola!";\n')],
      // Over 100 bytes with the prefix, split into ustar prefix and name.
      [`src/${'providers/'.repeat(9)}github.ts`, Buffer.from('export const scopes = ["repo"];\n')],
      // A single name too long for the ustar name field: a pax 'path' record, for a file and for a directory.
      [`src/${'very-long-module-name-'.repeat(5)}.ts`, Buffer.from('export const long = true;\n')],
      [`${'nested-directory-with-a-long-name-'.repeat(3)}/index.ts`, Buffer.from('export {};\n')],
      // Sorting: 'a.b' before the directory 'a/', 'a-b' before both, 'a0' after.
      ['a/x.ts', Buffer.from('1\n')],
      ['a.b', Buffer.from('2\n')],
      ['a-b', Buffer.from('3\n')],
      ['a0', Buffer.from('4\n')],
      ['binary.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0x00])],
      ['big.json', Buffer.from(JSON.stringify({ data: 'x'.repeat(30_000) }))],
    ]);
    for (const [file, content] of files) {
      mkdirSync(path.dirname(path.join(repository, file)), { recursive: true });
      writeFileSync(path.join(repository, file), content);
    }
    git('init', '--quiet');
    git('add', '--all');
    git('commit', '--quiet', '-m', 'Add tools');
    const commitSha = git('rev-parse', 'HEAD').toString().trim();
    const mtimeSeconds = Number(git('log', '-1', '--format=%ct').toString().trim());
    const prefix = codeloadPrefix('acme', 'mcp-tools', commitSha);
    const expected = git('archive', '--format=tar', `--prefix=${prefix}`, 'HEAD');

    const written = gitArchiveTar({ commitSha, prefix, mtimeSeconds, files });
    expect(written.length).toBe(expected.length);
    expect(written.equals(expected)).toBe(true);
    expect(gunzipSync(gitArchiveTarGz({ commitSha, prefix, mtimeSeconds, files })).equals(expected)).toBe(true);
  });
});

describe('repos/download-tarball-archive on the simulator, through Probot’s Octokit', () => {
  const credentials = generateAppCredentials(31338);
  const INSTALLATION_ID = 78;
  let simulator: SimulatorControl;
  let headSha: string;
  let headTree: Map<string, Buffer>;
  const baseFiles: Record<string, string> = {
    'README.md': '# tools\n',
    'src/server.ts': "export const name = 'tools';\n",
    'src/auth/provider.ts': 'export const scopes = ["read:user"];\n',
    '.github/mcp-oauth-guard.yml': 'fail_on: warning\n',
  };

  function client(baseUrl = simulator.url) {
    return new ProbotOctokit({
      authStrategy: createAppAuth,
      auth: { appId: credentials.appId, privateKey: credentials.privateKeyPem, installationId: INSTALLATION_ID },
      baseUrl,
      retry: { enabled: false },
      throttle: { enabled: false },
      log: { debug() {}, info() {}, warn() {}, error() {} },
    } as never) as InstanceType<typeof ProbotOctokit>;
  }

  async function download(ref: string, baseUrl?: string, repo = 'mcp-tools') {
    const response = await client(baseUrl).rest.repos.downloadTarballArchive({ owner: 'acme', repo, ref, request: { parseSuccessResponseBody: false } });
    return response.data as unknown as ReadableStream<Uint8Array>;
  }

  const wantedOf = (tree: Map<string, Buffer>) => new Map([...tree].map(([file, content]) => [file, gitBlobSha(content)]));

  beforeAll(async () => {
    simulator = await spawnGitHubSimulator({
      appId: credentials.appId,
      appPublicKeyPem: credentials.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    });
    await simulator.addRepository({ owner: 'acme', name: 'mcp-tools', files: baseFiles });
    await simulator.addRepository({ owner: 'acme', name: 'secret-tools', private: true, files: { 'index.ts': 'export {};\n' } });
    await simulator.addInstallation({ id: INSTALLATION_ID, account: 'acme', repositories: ['acme/mcp-tools', 'acme/secret-tools'] });
    const changes: FileChange[] = [
      { status: 'added', filename: 'src/tools/github.ts', content: 'export const tool = "github";\n' },
      { status: 'added', filename: `src/${'deeply/'.repeat(16)}nested.ts`, content: 'export const deep = 1;\n' },
      { status: 'added', filename: 'src/ünïcödé.ts', content: 'export const é = 1;\n' },
      { status: 'modified', filename: 'src/server.ts', baseContent: baseFiles['src/server.ts']!, content: "export const name = 'tools v2';\n" },
      { status: 'removed', filename: 'src/auth/provider.ts', baseContent: baseFiles['src/auth/provider.ts']! },
      { status: 'added', filename: 'assets/logo.png', content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]) },
    ];
    const pull = await simulator.addPullRequest({ owner: 'acme', repo: 'mcp-tools', number: 12, changes });
    headSha = pull.headSha;
    headTree = new Map(Object.entries(baseFiles).map(([file, content]) => [file, Buffer.from(content)]));
    headTree.delete('src/auth/provider.ts');
    for (const change of changes) if (change.status !== 'removed') headTree.set(change.filename, Buffer.from(change.content));
  });

  afterAll(async () => {
    await simulator.close();
  });

  beforeEach(async () => {
    await simulator.clearRequests();
  });

  afterEach(async () => {
    expect(contractProblems(await simulator.requests())).toEqual([]);
  });

  it('serves the PR head: every file comes back with its blob id, in one API request', async () => {
    const result = await extractWantedFiles(await download(headSha), wantedOf(headTree), LIMITS);
    expect(result.commit).toBe(headSha);
    expect(result.mismatched).toEqual([]);
    expect([...result.files.keys()].sort()).toEqual([...headTree.keys()].sort());
    for (const [file, content] of headTree) expect(result.files.get(file)?.equals(content)).toBe(true);
    const requests = (await simulator.requests()).filter((request) => request.operationId !== 'apps/create-installation-access-token');
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ operationId: 'repos/download-tarball-archive', status: 302, auth: 'installation-token', route: 'GET /repos/{owner}/{repo}/tarball/{ref}' });
  });

  it('serves the default branch by name and by commit id', async () => {
    const defaultTree = new Map(Object.entries(baseFiles).map(([file, content]) => [file, Buffer.from(content)]));
    const byName = await extractWantedFiles(await download('main'), wantedOf(defaultTree), LIMITS);
    expect([...byName.files.keys()].sort()).toEqual([...defaultTree.keys()].sort());
    expect(byName.commit).toMatch(/^[0-9a-f]{40}$/);
    const bySha = await extractWantedFiles(await download(byName.commit!), wantedOf(defaultTree), LIMITS);
    expect(bySha.commit).toBe(byName.commit);
    expect(bySha.files.size).toBe(defaultTree.size);
    // The PR's new files are not on the default branch.
    const missing = await extractWantedFiles(await download('main'), new Map([['src/tools/github.ts', gitBlobSha(headTree.get('src/tools/github.ts')!)]]), LIMITS);
    expect(missing.mismatched).toEqual(['src/tools/github.ts']);
  });

  it('answers 404 for a ref it does not know, as GitHub does', async () => {
    await expect(download('0123456789abcdef0123456789abcdef01234567')).rejects.toMatchObject({ status: 404 });
    await expect(download('no-such-branch')).rejects.toMatchObject({ status: 404 });
  });

  it('redirects to codeload on the web host, which needs no API credentials', async () => {
    const token = (await client().auth({ type: 'installation' })) as { token: string };
    const response = await fetch(`${simulator.url}/repos/acme/mcp-tools/tarball/${headSha}`, { headers: { authorization: `token ${token.token}` }, redirect: 'manual' });
    expect(response.status).toBe(302);
    const location = response.headers.get('location')!;
    expect(location).toBe(`${simulator.url}/_codeload/acme/mcp-tools/legacy.tar.gz/${headSha}`);
    const archive = await fetch(location);
    expect(archive.status).toBe(200);
    expect(archive.headers.get('content-type')).toBe('application/x-gzip');
    expect(archive.headers.get('content-disposition')).toBe(`attachment; filename=acme-mcp-tools-${headSha.slice(0, 7)}.tar.gz`);
    const tar = gunzipSync(Buffer.from(await archive.arrayBuffer()));
    expect(tar.subarray(512, 512 + 52).toString('latin1')).toBe(`52 comment=${headSha}\n`);
  });

  it('serves GitHub Enterprise clients under /api/v3, with codeload at the host root', async () => {
    const result = await extractWantedFiles(await download(headSha, `${simulator.url}${GHES_API_PREFIX}`), wantedOf(headTree), LIMITS);
    expect(result.files.size).toBe(headTree.size);
    const [request] = (await simulator.requests()).filter((candidate) => candidate.operationId === 'repos/download-tarball-archive');
    expect(request).toMatchObject({ prefix: GHES_API_PREFIX, status: 302 });
  });

  it('gives a private repository’s link a token, and codeload refuses the link without it', async () => {
    const result = await extractWantedFiles(await download('main', undefined, 'secret-tools'), new Map([['index.ts', gitBlobSha(Buffer.from('export {};\n'))]]), LIMITS);
    expect([...result.files.keys()]).toEqual(['index.ts']);
    const token = (await client().auth({ type: 'installation' })) as { token: string };
    const redirect = await fetch(`${simulator.url}/repos/acme/secret-tools/tarball/main`, { headers: { authorization: `token ${token.token}` }, redirect: 'manual' });
    const location = new URL(redirect.headers.get('location')!);
    expect(location.searchParams.get('token')).toMatch(/^[0-9a-f]{40}$/);
    expect((await fetch(location)).status).toBe(200);
    location.search = '';
    expect((await fetch(location)).status).toBe(404);
    location.searchParams.set('token', '0'.repeat(40));
    expect((await fetch(location)).status).toBe(404);
  });

  it('logs the redirect as one API request and the codeload download apart from the API log (in-process simulator)', () => {
    // Jest cannot load openapi-backend, so the in-process simulator runs in a plain node child.
    const script = `
      import { startGitHubSimulator } from './build/test/support/simulator/server.js';
      const simulator = await startGitHubSimulator({ appId: 1 });
      simulator.world.addRepository({ owner: 'acme', name: 'tools', files: { 'index.ts': 'export {};\\n' } });
      simulator.world.addInstallation(5, 'acme', ['acme/tools']);
      const { token } = simulator.world.issueToken(5);
      const response = await fetch(simulator.url + '/repos/acme/tools/tarball/main', { headers: { authorization: 'token ' + token } });
      const bytes = (await response.arrayBuffer()).byteLength;
      const api = simulator.recorded.map(({ sequence, operationId, status }) => ({ sequence, operationId, status }));
      process.stdout.write(JSON.stringify({ bytes, api, downloads: simulator.codeloadDownloads }));
      await simulator.close();
    `;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: fileURLToPath(new URL('../..', import.meta.url)), encoding: 'utf8' });
    const { bytes, api, downloads } = JSON.parse(output) as { bytes: number; api: Array<{ sequence: number; operationId: string; status: number }>; downloads: Array<Record<string, unknown>> };
    expect(api).toEqual([{ sequence: 1, operationId: 'repos/download-tarball-archive', status: 302 }]);
    expect(downloads).toEqual([
      expect.objectContaining({ sequence: 1, afterApiRequest: 1, status: 200, bytes, path: expect.stringMatching(/^\/_codeload\/acme\/tools\/legacy\.tar\.gz\/[0-9a-f]{40}$/) }),
    ]);
    expect(bytes).toBeGreaterThan(0);
  });

  it('requires an installation token for the API request itself', async () => {
    const response = await fetch(`${simulator.url}/repos/acme/mcp-tools/tarball/${headSha}`, { redirect: 'manual' });
    expect(response.status).toBe(401);
  });
});
