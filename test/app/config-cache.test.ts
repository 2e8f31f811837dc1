import { jest } from '@jest/globals';
import { createRequire } from 'node:module';
import nock from 'nock';
import { ConfigCache, pushSummary, type PushSummary } from '../../src/app/config-cache.js';
import type { LoadedConfig } from '../../src/app/github/client.js';
import { addedFile, GitHubMock, HEAD_SHA, INSTALLATION_ID, loadGuard, NEWER_SHA, OWNER, pullRequestPayload, REPO } from './github-mock.js';

const require = createRequire(import.meta.url);
const pushExamples = (require('@octokit/webhooks-examples') as { name: string; examples: Record<string, any>[] }[]).find((group) => group.name === 'push')!.examples;

const repoKey = { installationId: 1, owner: 'Acme', repo: 'tools' };
const otherRepoKey = { installationId: 1, owner: 'acme', repo: 'server' };
const loaded = (files: string[] = ['acme/tools/.github/mcp-oauth-guard.yml']): LoadedConfig => ({ raw: { fail_on: 'warning' }, files });

function push(overrides: Partial<PushSummary> = {}): PushSummary {
  return { installationId: 1, owner: 'acme', repo: 'tools', ref: 'refs/heads/main', defaultBranch: 'main', paths: ['.github/mcp-oauth-guard.yml'], complete: true, ...overrides };
}

describe('ConfigCache', () => {
  test('a config is read once and then served from memory until it expires', async () => {
    const cache = new ConfigCache({ ttlMs: 1000 });
    const load = jest.fn(async () => loaded());
    expect((await cache.load(repoKey, 0, load)).cached).toBe(false);
    expect((await cache.load({ ...repoKey, owner: 'acme' }, 999, load)).cached).toBe(true);
    expect(load).toHaveBeenCalledTimes(1);
    expect((await cache.load(repoKey, 1000, load)).cached).toBe(false);
    expect(load).toHaveBeenCalledTimes(2);
  });

  test('a load that fails is not kept', async () => {
    const cache = new ConfigCache();
    await expect(cache.load(repoKey, 0, async () => Promise.reject(new Error('GitHub answered HTTP 500')))).rejects.toThrow('500');
    expect(cache.size).toBe(0);
  });

  test('the least recently used entry goes first when the cache is full', async () => {
    const cache = new ConfigCache({ maxEntries: 2 });
    const load = jest.fn(async () => loaded());
    await cache.load(repoKey, 0, load);
    await cache.load(otherRepoKey, 0, load);
    await cache.load(repoKey, 1, load);
    await cache.load({ installationId: 1, owner: 'acme', repo: 'third' }, 2, load);
    expect((await cache.load(repoKey, 3, load)).cached).toBe(true);
    expect((await cache.load(otherRepoKey, 3, load)).cached).toBe(false);
  });

  describe('a push drops what it may have changed', () => {
    let cache: ConfigCache;
    beforeEach(async () => {
      cache = new ConfigCache();
      await cache.load(repoKey, 0, async () => loaded());
      await cache.load(otherRepoKey, 0, async () => loaded(['acme/shared-config/guard/base.yml', 'acme/server/.github/mcp-oauth-guard.yml']));
      await cache.load({ installationId: 2, owner: 'acme', repo: 'tools' }, 0, async () => loaded());
    });

    test("the repository's own config file on its default branch (for whichever installation read it)", () => {
      expect(cache.invalidate(push())).toBe(2);
      expect(cache.size).toBe(1);
    });

    test('other branches and other files do not', () => {
      expect(cache.invalidate(push({ ref: 'refs/heads/feature' }))).toBe(0);
      expect(cache.invalidate(push({ paths: ['src/server.ts', 'README.md'] }))).toBe(0);
      expect(cache.size).toBe(3);
    });

    test("the organisation's .github repository: every repository of that installation and owner", () => {
      expect(cache.invalidate(push({ repo: '.github' }))).toBe(2);
      expect(cache.size).toBe(1);
    });

    test('a file that `_extends` read, in whatever repository it lives', () => {
      expect(cache.invalidate(push({ repo: 'shared-config', paths: ['guard/base.yml'] }))).toBe(1);
      expect(cache.invalidate(push({ repo: 'shared-config', paths: ['README.md'] }))).toBe(0);
    });

    test('a push whose payload may not list every path', () => {
      expect(cache.invalidate(push({ paths: [], complete: false }))).toBe(2);
    });
  });
});

describe('pushSummary reads real push payloads', () => {
  test('a tag push lists no paths and is not on the default branch', () => {
    const payload = { ...structuredClone(pushExamples.find((example) => example.ref === 'refs/tags/simple-tag')!), installation: { id: 7 } };
    const summary = pushSummary(payload as never)!;
    expect(summary).toMatchObject({ installationId: 7, owner: 'Codertocat', repo: 'Hello-World', ref: 'refs/tags/simple-tag', defaultBranch: 'master' });
    expect(summary.complete).toBe(false);
  });

  test('a push without an installation concerns no installation of ours', () => {
    expect(pushSummary(pushExamples[0] as never)).toBeUndefined();
  });

  test("each commit's added, modified and removed paths count", () => {
    const payload = structuredClone(pushExamples[0]!);
    Object.assign(payload, { ref: 'refs/heads/master', created: false, forced: false, deleted: false, installation: { id: 7 } });
    payload.commits = [{ added: ['a.ts'], modified: ['.github/mcp-oauth-guard.yml'], removed: [] }, { added: [], modified: [], removed: ['b.ts'] }];
    expect(pushSummary(payload as never)).toMatchObject({ paths: ['a.ts', '.github/mcp-oauth-guard.yml', 'b.ts'], complete: true });
  });
});

describe('the app keeps a repository config between pull requests', () => {
  afterEach(() => nock.cleanAll());

  test('the second PR reads no config; a push that changes it makes the next PR read it again', async () => {
    const { probot, guard } = await loadGuard({ configCacheMs: 600_000 });
    try {
      const github = new GitHubMock().installationToken();
      // First PR: the config is read (repository, then the organisation's fallback).
      github.startsAnalysis(HEAD_SHA).changedFiles([addedFile('src/echo.ts', 'export const echo = (text: string) => text;\n')]).updatesRun();
      await probot.receive({ id: '1', name: 'pull_request', payload: pullRequestPayload('opened') as never });
      expect(github.scope.isDone()).toBe(true);

      // A push to the PR's head: no config read.
      github.existingRuns(NEWER_SHA).createsRun().changedFiles([addedFile('src/echo.ts', 'export const echo = (text: string) => text.trim();\n')]).updatesRun(4243);
      await probot.receive({ id: '2', name: 'pull_request', payload: pullRequestPayload('synchronize', { headSha: NEWER_SHA, updatedAt: '2099-01-01T00:00:00Z' }) as never });
      expect(github.scope.isDone()).toBe(true);

      // The config changes on the default branch.
      const pushPayload = structuredClone(pushExamples[0]!);
      Object.assign(pushPayload, { ref: 'refs/heads/master', created: false, forced: false, deleted: false, installation: { id: INSTALLATION_ID } });
      pushPayload.repository.owner.login = OWNER;
      pushPayload.repository.name = REPO;
      pushPayload.commits = [{ added: [], modified: ['.github/mcp-oauth-guard.yml'], removed: [] }];
      await probot.receive({ id: '3', name: 'push', payload: pushPayload as never });

      const third = 'c0ffee0000000000000000000000000000000003';
      github.existingRuns(third).createsRun().config('fail_on: warning\n').changedFiles([addedFile('src/echo.ts', 'export const echo = (text: string) => text;\n')]).updatesRun(4244);
      await probot.receive({ id: '4', name: 'pull_request', payload: pullRequestPayload('synchronize', { headSha: third, updatedAt: '2099-01-02T00:00:00Z' }) as never });
      expect(github.scope.isDone()).toBe(true);
    } finally {
      await guard.close();
    }
  });
});
