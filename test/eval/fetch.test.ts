import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fetchPackage, listFiles } from '../../tools/eval/fetch.js';

/**
 * The package cache without the network: a tarball already in the cache folder is verified and
 * unpacked exactly as one that `npm pack` has just written.
 */
describe('fetchPackage: cache and integrity', () => {
  let cache: string;
  let tarball: Buffer;
  let integrity: string;

  beforeAll(() => {
    const source = mkdtempSync(join(tmpdir(), 'eval-pkg-'));
    mkdirSync(join(source, 'package', 'dist'), { recursive: true });
    writeFileSync(join(source, 'package', 'dist', 'index.js'), 'console.log("hi");\n');
    writeFileSync(join(source, 'package', 'package.json'), '{"name":"demo-server","version":"1.0.0"}\n');
    const out = join(source, 'demo-server-1.0.0.tgz');
    execFileSync('tar', ['-czf', out, '-C', source, 'package']);
    tarball = readFileSync(out);
    integrity = `sha512-${createHash('sha512').update(tarball).digest('base64')}`;
    rmSync(source, { recursive: true, force: true });
  });

  beforeEach(() => {
    cache = mkdtempSync(join(tmpdir(), 'eval-cache-'));
    mkdirSync(join(cache, 'demo-server@1.0.0'));
    writeFileSync(join(cache, 'demo-server@1.0.0', 'demo-server-1.0.0.tgz'), tarball);
  });

  afterEach(() => rmSync(cache, { recursive: true, force: true }));

  test('a tarball whose sha512 matches is unpacked to <cache>/<slug>@<version>/package, then reused', async () => {
    const first = await fetchPackage('demo-server', '1.0.0', integrity, cache);
    expect(first).toEqual({ ok: true, root: join(cache, 'demo-server@1.0.0', 'package'), fromCache: false });
    expect(await listFiles(join(cache, 'demo-server@1.0.0', 'package'))).toEqual(['dist/index.js', 'package.json']);
    const second = await fetchPackage('demo-server', '1.0.0', integrity, cache);
    expect(second).toMatchObject({ ok: true, fromCache: true });
  });

  test('a tarball whose sha512 differs is refused, removed and not unpacked', async () => {
    const wrong = `sha512-${'A'.repeat(86)}==`;
    const result = await fetchPackage('demo-server', '1.0.0', wrong, cache);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain(`integrity mismatch: the label file says ${wrong}, the tarball from npm is ${integrity}`);
    expect(existsSync(join(cache, 'demo-server@1.0.0', 'demo-server-1.0.0.tgz'))).toBe(false);
    expect(existsSync(join(cache, 'demo-server@1.0.0', 'package'))).toBe(false);
  });

  test('a cached unpack verified for another integrity is not reused', async () => {
    await fetchPackage('demo-server', '1.0.0', integrity, cache);
    writeFileSync(join(cache, 'demo-server@1.0.0', 'demo-server-1.0.0.tgz'), tarball);
    const other = `sha512-${'B'.repeat(86)}==`;
    const result = await fetchPackage('demo-server', '1.0.0', other, cache);
    expect(result.ok).toBe(false);
  });
});
