/**
 * The simulator answers real Octokit clients (Probot's own, with app authentication) the way GitHub does,
 * rejects what GitHub's OpenAPI description rejects, and its own answers satisfy the description.
 */
import { createAppAuth } from '@octokit/auth-app';
import { ProbotOctokit } from 'probot';
import { generateAppCredentials } from '../support/simulator/app-process.js';
import { contractProblems, type RecordedRequest, type SimulatorControl } from '../support/simulator/control.js';
import { spawnGitHubSimulator } from '../support/simulator/remote.js';

const credentials = generateAppCredentials(31337);
const INSTALLATION_ID = 77;
let simulator: SimulatorControl;
let headSha: string;

async function lastRequest(): Promise<RecordedRequest> {
  return (await simulator.requests()).at(-1)!;
}

type Client = InstanceType<typeof ProbotOctokit>;

function installationClient(baseUrl: string, installationId = INSTALLATION_ID): Client {
  return new ProbotOctokit({
    authStrategy: createAppAuth,
    auth: { appId: credentials.appId, privateKey: credentials.privateKeyPem, installationId },
    baseUrl,
    retry: { enabled: false },
    throttle: { enabled: false },
    log: { debug() {}, info() {}, warn() {}, error() {} },
  } as never) as Client;
}

beforeAll(async () => {
  simulator = await spawnGitHubSimulator({
    appId: credentials.appId,
    appPublicKeyPem: credentials.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  });
  await simulator.addRepository({
    owner: 'acme',
    name: 'mcp-tools',
    files: { 'README.md': '# tools\n', '.github/mcp-oauth-guard.yml': 'fail_on: warning\n' },
  });
  await simulator.addRepository({ owner: 'acme', name: '.github', files: { '.github/mcp-oauth-guard.yml': 'gate: changed-files\n' } });
  await simulator.addRepository({ owner: 'acme', name: 'docs-site' });
  await simulator.addRepository({ owner: 'other', name: 'private-things' });
  await simulator.addInstallation({ id: INSTALLATION_ID, account: 'acme', repositories: ['acme/mcp-tools', 'acme/.github', 'acme/docs-site'] });
  const pull = await simulator.addPullRequest({
    owner: 'acme',
    repo: 'mcp-tools',
    number: 7,
    title: 'Add GitHub tools',
    changes: [
      ...Array.from({ length: 5 }, (_, index) => ({ status: 'added' as const, filename: `src/tool-${index}.ts`, content: `export const n = ${index};\n` })),
      { status: 'modified', filename: 'README.md', baseContent: '# tools\n', content: '# tools\n\nNow with OAuth.\n' },
      { status: 'removed', filename: 'old.js', baseContent: 'module.exports = 1;\n' },
      { status: 'added', filename: 'logo.png', content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]) },
    ],
  });
  headSha = pull.headSha;
});

afterAll(async () => {
  await simulator.close();
});

afterEach(async () => {
  // Whatever a test did, the simulator's own answers must have kept to the description.
  expect((await simulator.requests()).flatMap((request) => request.responseViolations)).toEqual([]);
});

describe('the simulated GitHub, through Probot’s Octokit', () => {
  it('authenticates the app with its JWT and hands out installation tokens', async () => {
    const client = installationClient(simulator.url);
    const { data } = await client.rest.pulls.get({ owner: 'acme', repo: 'mcp-tools', pull_number: 7 });
    expect(data.title).toBe('Add GitHub tools');
    expect(data.changed_files).toBe(8);
    const tokenRequest = (await simulator.requests()).find((request) => request.operationId === 'apps/create-installation-access-token');
    expect(tokenRequest).toMatchObject({ status: 201, auth: 'app-jwt' });
    expect(await lastRequest()).toMatchObject({ operationId: 'pulls/get', auth: 'installation-token', status: 200 });
  });

  it('serves the same API under /api/v3, as GitHub Enterprise Server does', async () => {
    const client = installationClient(`${simulator.url}/api/v3`);
    const { data } = await client.rest.repos.get({ owner: 'acme', repo: 'mcp-tools' });
    expect(data.full_name).toBe('acme/mcp-tools');
    expect(data.url).toBe(`${simulator.url}/api/v3/repos/acme/mcp-tools`);
    expect(await lastRequest()).toMatchObject({ prefix: '/api/v3', route: 'GET /repos/{owner}/{repo}' });
  });

  it('paginates PR files with per_page, page and Link headers', async () => {
    const client = installationClient(simulator.url);
    const first = await client.rest.pulls.listFiles({ owner: 'acme', repo: 'mcp-tools', pull_number: 7, per_page: 3 });
    expect(first.data.map((file) => file.filename)).toEqual(['src/tool-0.ts', 'src/tool-1.ts', 'src/tool-2.ts']);
    expect(first.headers.link).toContain('rel="next"');
    expect(first.headers.link).toContain('page=3');
    const all = await client.paginate(client.rest.pulls.listFiles, { owner: 'acme', repo: 'mcp-tools', pull_number: 7, per_page: 3 });
    expect(all).toHaveLength(8);
    const byName = Object.fromEntries(all.map((file) => [file.filename, file]));
    expect(byName['src/tool-0.ts']).toMatchObject({ status: 'added', additions: 1, deletions: 0, patch: '@@ -0,0 +1 @@\n+export const n = 0;' });
    expect(byName['README.md']).toMatchObject({ status: 'modified', additions: 2, deletions: 0 });
    expect(byName['old.js']).toMatchObject({ status: 'removed', deletions: 1 });
    expect(byName['logo.png']?.patch).toBeUndefined();
  });

  it('serves blobs by SHA in base64', async () => {
    const client = installationClient(simulator.url);
    const [file] = await client.paginate(client.rest.pulls.listFiles, { owner: 'acme', repo: 'mcp-tools', pull_number: 7 });
    const { data } = await client.rest.git.getBlob({ owner: 'acme', repo: 'mcp-tools', file_sha: file!.sha! });
    expect(data.encoding).toBe('base64');
    expect(Buffer.from(data.content, 'base64').toString('utf8')).toBe('export const n = 0;\n');
    await expect(client.rest.git.getBlob({ owner: 'acme', repo: 'mcp-tools', file_sha: 'f'.repeat(40) })).rejects.toMatchObject({ status: 404 });
  });

  it('reads the config the way Probot does: the repository first, then the org .github repository', async () => {
    const client = installationClient(simulator.url);
    const own = await client.config.get({ owner: 'acme', repo: 'mcp-tools', path: '.github/mcp-oauth-guard.yml' });
    expect(own.config).toEqual({ fail_on: 'warning' });
    const fallback = await client.config.get({ owner: 'acme', repo: 'docs-site', path: '.github/mcp-oauth-guard.yml' });
    expect(fallback.config).toEqual({ gate: 'changed-files' });
    const statuses = (await simulator.requests()).filter((request) => request.operationId === 'repos/get-content').map((request) => request.status);
    expect(statuses).toEqual([200, 404, 200]);
    const json = await client.rest.repos.getContent({ owner: 'acme', repo: 'mcp-tools', path: '.github/mcp-oauth-guard.yml' });
    expect(json.data).toMatchObject({ type: 'file', path: '.github/mcp-oauth-guard.yml', encoding: 'base64' });
  });

  it('creates, updates and lists check runs; annotations append across updates', async () => {
    const client = installationClient(simulator.url);
    const { data: pull } = await client.rest.pulls.get({ owner: 'acme', repo: 'mcp-tools', pull_number: 7 });
    const created = await client.rest.checks.create({
      owner: 'acme',
      repo: 'mcp-tools',
      name: 'MCP OAuth Guard',
      head_sha: pull.head.sha,
      status: 'in_progress',
      external_id: '7',
    });
    expect(created.status).toBe(201);
    const annotation = (line: number) => ({ path: 'src/tool-0.ts', start_line: line, end_line: line, annotation_level: 'failure' as const, message: `Finding ${line}` });
    const output = (from: number, count: number) => ({
      title: 'Findings',
      summary: 'Some findings',
      annotations: Array.from({ length: count }, (_, index) => annotation(from + index)),
    });
    await client.rest.checks.update({ owner: 'acme', repo: 'mcp-tools', check_run_id: created.data.id, output: output(1, 50) });
    await client.rest.checks.update({
      owner: 'acme',
      repo: 'mcp-tools',
      check_run_id: created.data.id,
      status: 'completed',
      conclusion: 'failure',
      output: output(51, 20),
    });

    const listed = await client.rest.checks.listForRef({ owner: 'acme', repo: 'mcp-tools', ref: pull.head.sha, check_name: 'MCP OAuth Guard' });
    expect(listed.data.total_count).toBe(1);
    expect(listed.data.check_runs[0]).toMatchObject({
      id: created.data.id,
      status: 'completed',
      conclusion: 'failure',
      external_id: '7',
      output: { title: 'Findings', annotations_count: 70 },
      app: { id: credentials.appId },
      pull_requests: [{ number: 7 }],
    });
    const other = await client.rest.checks.listForRef({ owner: 'acme', repo: 'mcp-tools', ref: pull.head.sha, check_name: 'Something else' });
    expect(other.data.total_count).toBe(0);
    const annotations = await client.paginate(client.rest.checks.listAnnotations, {
      owner: 'acme',
      repo: 'mcp-tools',
      check_run_id: created.data.id,
      per_page: 100,
    });
    expect(annotations.map((item) => item.start_line)).toEqual(Array.from({ length: 70 }, (_, index) => index + 1));
  });
});

describe('what GitHub would refuse', () => {
  it('answers 422 to a check run body the description forbids, and records why', async () => {
    const client = installationClient(simulator.url);
    const tooMany = Array.from({ length: 51 }, (_, index) => ({
      path: 'a.ts',
      start_line: index + 1,
      end_line: index + 1,
      annotation_level: 'warning' as const,
      message: 'x',
    }));
    await expect(
      client.rest.checks.create({ owner: 'acme', repo: 'mcp-tools', name: 'n', head_sha: headSha, output: { title: 't', summary: 's', annotations: tooMany } }),
    ).rejects.toMatchObject({ status: 422 });
    expect((await lastRequest()).violations.map((violation) => violation.at)).toContain('requestBody.output.annotations');

    await expect(
      // A conclusion GitHub does not know; sent through the generic request so the types do not stop it first.
      client.request('POST /repos/{owner}/{repo}/check-runs', { owner: 'acme', repo: 'mcp-tools', name: 'n', head_sha: headSha, conclusion: 'passed' } as never),
    ).rejects.toMatchObject({ status: 422 });
    expect((await lastRequest()).violations[0]).toMatchObject({ at: 'requestBody.conclusion' });

    await expect(
      client.rest.checks.create({ owner: 'acme', repo: 'mcp-tools', name: 'n', head_sha: headSha, status: 'completed' }),
    ).rejects.toMatchObject({ status: 422 });

    const multiLineWithColumns = { path: 'a.ts', start_line: 1, end_line: 2, start_column: 1, end_column: 4, annotation_level: 'notice' as const, message: 'x' };
    await expect(
      client.rest.checks.create({
        owner: 'acme',
        repo: 'mcp-tools',
        name: 'n',
        head_sha: headSha,
        output: { title: 't', summary: 's', annotations: [multiLineWithColumns] },
      }),
    ).rejects.toMatchObject({ status: 422 });

    await expect(
      client.rest.checks.create({ owner: 'acme', repo: 'mcp-tools', name: 'n', head_sha: 'a'.repeat(40) }),
    ).rejects.toMatchObject({ status: 422 });
    expect((await simulator.checkRuns({ owner: 'acme', repo: 'mcp-tools' })).filter((run) => run.name === 'n')).toEqual([]);
  });

  it('answers 404 to routes that are not GitHub operations and to repositories outside the installation', async () => {
    const client = installationClient(simulator.url);
    await expect(client.request('GET /repos/{owner}/{repo}/made-up', { owner: 'acme', repo: 'mcp-tools' })).rejects.toMatchObject({ status: 404 });
    const unmatched = await lastRequest();
    expect([unmatched.status, unmatched.route, unmatched.operationId]).toEqual([404, undefined, undefined]);
    expect(contractProblems([unmatched])).toHaveLength(1);
    await expect(client.rest.repos.get({ owner: 'other', repo: 'private-things' })).rejects.toMatchObject({ status: 404 });
  });

  it('answers 401 without credentials, with a forged JWT, or with an unknown token', async () => {
    const anonymous = await fetch(`${simulator.url}/repos/acme/mcp-tools/pulls/7`);
    expect(anonymous.status).toBe(401);
    const forged = generateAppCredentials(credentials.appId);
    const forgedClient = new ProbotOctokit({
      authStrategy: createAppAuth,
      auth: { appId: forged.appId, privateKey: forged.privateKeyPem, installationId: INSTALLATION_ID },
      baseUrl: simulator.url,
      retry: { enabled: false },
      throttle: { enabled: false },
    } as never) as Client;
    await expect(forgedClient.rest.pulls.get({ owner: 'acme', repo: 'mcp-tools', pull_number: 7 })).rejects.toMatchObject({ status: 401 });
    const unknownToken = await fetch(`${simulator.url}/repos/acme/mcp-tools/pulls/7`, { headers: { authorization: 'token ghs_notissued' } });
    expect(unknownToken.status).toBe(401);
  });
});

describe('fault injection', () => {
  it('fails the next N requests of an operation, then recovers', async () => {
    const client = installationClient(simulator.url);
    const [file] = await client.paginate(client.rest.pulls.listFiles, { owner: 'acme', repo: 'mcp-tools', pull_number: 7 });
    await simulator.injectFault({ operationId: 'git/get-blob', status: 500, times: 2 });
    const read = () => client.rest.git.getBlob({ owner: 'acme', repo: 'mcp-tools', file_sha: file!.sha! });
    await expect(read()).rejects.toMatchObject({ status: 500 });
    await expect(read()).rejects.toMatchObject({ status: 500 });
    await expect(read()).resolves.toMatchObject({ status: 200 });
    const blobRequests = (await simulator.requests()).filter((request) => request.operationId === 'git/get-blob').slice(-3);
    expect(blobRequests.map((request) => [request.status, request.injected])).toEqual([
      [500, true],
      [500, true],
      [200, false],
    ]);
  });
});
