/**
 * The tarball reader against archives written by real tools: GNU tar (pax, gnu and ustar formats) and `git archive`,
 * the program behind GitHub's codeload. Every file comes back only when its content has the blob id the PR listed.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { extractWantedFiles, TarballError, type TarballLimits } from '../../src/app/tarball.js';
import { gitBlobSha } from '../../src/git-object-id.js';

const LIMITS: TarballLimits = { maxArchiveBytes: 64 * 1024 * 1024, maxFileBytes: 1024 * 1024 };
const TOP = 'acme-tools-1a2b3c4';

const NESTED_LONG_PATH = `src/${'providers/'.repeat(9)}github-oauth-provider.ts`;
const LONG_FILE_NAME = `${'very-long-module-name-'.repeat(5)}.ts`;
const FILES: Record<string, string> = {
  'src/server.ts': "import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';\nexport const server = new McpServer({ name: 'tools', version: '1.0.0' });\n",
  'src/auth/refresh.ts': 'export async function refresh(token: string) {\n  return token;\n}\n',
  [NESTED_LONG_PATH]: 'export const scopes = ["repo"];\n',
  [`src/${LONG_FILE_NAME}`]: 'export const long = true;\n',
  'src/ünïcödé/créditos.ts': 'export const saludo = "¡hola!";\n',
  'src/empty.ts': '',
  'README.md': '# tools\n',
};

let workspace: string;

beforeAll(() => {
  workspace = mkdtempSync(path.join(tmpdir(), 'tarball-test-'));
});

afterAll(() => {
  rmSync(workspace, { recursive: true, force: true });
});

/** Writes `files` under `<dir>/<TOP>/` and returns the directory. */
function tree(name: string, files: Record<string, string | Buffer>): string {
  const root = path.join(workspace, name);
  for (const [file, content] of Object.entries(files)) {
    const target = path.join(root, TOP, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  return root;
}

/** A gzipped tar of the tree made by the system `tar`, in the given format. */
function systemTarGz(root: string, format: 'pax' | 'gnu' | 'ustar'): Buffer {
  return execFileSync('tar', [`--format=${format}`, '--sort=name', '-czf', '-', '-C', root, TOP], { maxBuffer: 256 * 1024 * 1024 });
}

function wantedOf(files: Record<string, string | Buffer>): Map<string, string> {
  return new Map(Object.entries(files).map(([file, content]) => [file, gitBlobSha(Buffer.from(content))]));
}

/** The archive as a stream of `size`-byte chunks, counting how many were pulled and whether it was closed early. */
function chunked(archive: Buffer, size: number): AsyncIterable<Uint8Array> & { pulled: number; closed: boolean } {
  const stream = {
    pulled: 0,
    closed: false,
    async *[Symbol.asyncIterator]() {
      try {
        for (let offset = 0; offset < archive.length; offset += size) {
          stream.pulled++;
          yield archive.subarray(offset, offset + size);
        }
      } finally {
        if (stream.pulled * size < archive.length) stream.closed = true;
      }
    },
  };
  return stream;
}

function textsOf(files: Map<string, Buffer>): Record<string, string> {
  return Object.fromEntries([...files].map(([file, content]) => [file, content.toString('utf8')]));
}

describe('extractWantedFiles on archives from GNU tar', () => {
  it.each(['pax', 'gnu'] as const)('returns every wanted file of a %s archive: long paths, unicode names, an empty file', async (format) => {
    const archive = systemTarGz(tree(`all-${format}`, FILES), format);
    const result = await extractWantedFiles(chunked(archive, 4096), wantedOf(FILES), LIMITS);
    expect(textsOf(result.files)).toEqual(FILES);
    expect(result.mismatched).toEqual([]);
    expect(result.oversized).toEqual([]);
    expect(result.archiveBytes).toBeGreaterThan(0);
  });

  it('joins the ustar prefix and name of a path longer than 100 bytes', async () => {
    const files = { [NESTED_LONG_PATH]: FILES[NESTED_LONG_PATH]!, 'README.md': '# tools\n' };
    expect(`${TOP}/${NESTED_LONG_PATH}`.length).toBeGreaterThan(100);
    const archive = systemTarGz(tree('ustar', files), 'ustar');
    const result = await extractWantedFiles(chunked(archive, 4096), wantedOf(files), LIMITS);
    expect(textsOf(result.files)).toEqual(files);
  });

  it('keeps only the wanted files and reads the same whatever the chunk sizes', async () => {
    const archive = systemTarGz(tree('chunks', FILES), 'pax');
    const wanted = new Map([...wantedOf(FILES)].filter(([file]) => file !== 'README.md'));
    for (const size of [1, 7, 511, 513, 65536]) {
      const result = await extractWantedFiles(chunked(archive, size), wanted, LIMITS);
      expect([...result.files.keys()].sort()).toEqual([...wanted.keys()].sort());
      expect(result.files.has('README.md')).toBe(false);
    }
  });

  it('reports a file whose content has another blob id, and a file not in the archive, as mismatched', async () => {
    const archive = systemTarGz(tree('mismatch', FILES), 'pax');
    const wanted = wantedOf(FILES);
    wanted.set('src/server.ts', gitBlobSha(Buffer.from('the content at another commit\n')));
    wanted.set('src/not-in-archive.ts', gitBlobSha(Buffer.from('x\n')));
    const result = await extractWantedFiles(chunked(archive, 4096), wanted, LIMITS);
    expect(result.mismatched.sort()).toEqual(['src/not-in-archive.ts', 'src/server.ts']);
    expect(result.files.has('src/server.ts')).toBe(false);
    expect(result.files.size).toBe(Object.keys(FILES).length - 1);
  });

  it('names a file over maxFileBytes with its size, once its content proves to be its blob', async () => {
    const big = 'x'.repeat(200_000);
    const files = { 'src/generated.ts': big, 'src/small.ts': 'export {};\n' };
    const archive = systemTarGz(tree('oversized', files), 'pax');
    const result = await extractWantedFiles(chunked(archive, 4096), wantedOf(files), { ...LIMITS, maxFileBytes: 100_000 });
    expect(result.oversized).toEqual([{ path: 'src/generated.ts', bytes: 200_000 }]);
    expect([...result.files.keys()]).toEqual(['src/small.ts']);
    expect(result.mismatched).toEqual([]);
  });

  it('stops reading, and closes the stream, once every wanted file is found', async () => {
    // '--sort=name' puts 'a-first.ts' before the large 'z-filler.bin', which is never needed.
    const filler = randomBytes(4 * 1024 * 1024); // incompressible, so the archive is large too
    const files = { 'a-first.ts': 'export const first = 1;\n', 'z-filler.bin': filler };
    const archive = systemTarGz(tree('early-stop', files), 'pax');
    const body = chunked(archive, 1024);
    const result = await extractWantedFiles(body, new Map([['a-first.ts', gitBlobSha(Buffer.from(files['a-first.ts']))]]), LIMITS);
    expect(textsOf(result.files)).toEqual({ 'a-first.ts': files['a-first.ts'] });
    expect(body.closed).toBe(true);
    expect(body.pulled * 1024).toBeLessThan(archive.length / 2);
    expect(result.archiveBytes).toBeLessThan(filler.length);
  });

  it('cancels a fetch-style ReadableStream when it stops early', async () => {
    const files = { 'a.ts': 'export const a = 1;\n', 'b.ts': 'export const b = 2;\n', 'z.bin': randomBytes(2 * 1024 * 1024) };
    const archive = systemTarGz(tree('web-stream', files), 'pax');
    let cancelled = false;
    let offset = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= archive.length) controller.close();
        else {
          controller.enqueue(new Uint8Array(archive.subarray(offset, offset + 1024)));
          offset += 1024;
        }
      },
      cancel() {
        cancelled = true;
      },
    });
    const result = await extractWantedFiles(body, new Map([['b.ts', gitBlobSha(Buffer.from(files['b.ts']))]]), LIMITS);
    expect(textsOf(result.files)).toEqual({ 'b.ts': files['b.ts'] });
    expect(cancelled).toBe(true);
    expect(offset).toBeLessThan(archive.length);
  });

  it('stops keeping files at maxKeptBytes and leaves the rest, as deferred, to blob fetches', async () => {
    const files = Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f'].map((name) => [`src/${name}.ts`, `export const ${name} = ${JSON.stringify(randomBytes(5_000).toString('hex'))};\n`]));
    const fileBytes = Buffer.byteLength(files['src/a.ts']!);
    const archive = systemTarGz(tree('kept-bytes', files), 'pax');
    const result = await extractWantedFiles(chunked(archive, 4096), wantedOf(files), { ...LIMITS, maxKeptBytes: 2.5 * fileBytes });
    // The file that reaches the limit is the last one kept ('--sort=name': a, b, c).
    expect([...result.files.keys()]).toEqual(['src/a.ts', 'src/b.ts', 'src/c.ts']);
    expect(result.deferred.sort()).toEqual(['src/d.ts', 'src/e.ts', 'src/f.ts']);
    expect(result.mismatched).toEqual([]);
    const unlimited = await extractWantedFiles(chunked(archive, 4096), wantedOf(files), LIMITS);
    expect(unlimited.files.size).toBe(6);
    expect(unlimited.deferred).toEqual([]);
  });

  it('reads nothing when nothing is wanted', async () => {
    const body = chunked(systemTarGz(tree('nothing', FILES), 'pax'), 1024);
    const result = await extractWantedFiles(body, new Map(), LIMITS);
    expect(result).toMatchObject({ mismatched: [], oversized: [], archiveBytes: 0 });
    expect(body.pulled).toBe(0);
  });
});

describe('extractWantedFiles refuses archives it cannot trust', () => {
  it('refuses a truncated gzip stream', async () => {
    const archive = systemTarGz(tree('truncated-gzip', FILES), 'pax');
    const promise = extractWantedFiles(chunked(archive.subarray(0, Math.floor(archive.length / 2)), 256), wantedOf(FILES), LIMITS);
    await expect(promise).rejects.toThrow(TarballError);
    await expect(promise).rejects.toThrow(/truncated/);
  });

  it('refuses a complete gzip stream whose tar stops before the end-of-archive marker', async () => {
    const root = tree('truncated-tar', FILES);
    const tar = execFileSync('tar', ['--format=pax', '--sort=name', '-cf', '-', '-C', root, TOP]);
    const wanted = wantedOf(FILES);
    wanted.set('src/not-in-archive.ts', gitBlobSha(Buffer.from('x\n')));
    // Cut inside the last entries: whatever is still missing can no longer be found.
    const promise = extractWantedFiles(chunked(gzipSync(tar.subarray(0, 2048)), 512), wanted, LIMITS);
    await expect(promise).rejects.toThrow(/truncated: it ended before the end-of-archive marker/);
  });

  it('refuses a tar that ends after one zero block instead of two', async () => {
    const root = tree('one-zero-block', FILES);
    const tar = execFileSync('tar', ['--format=pax', '--sort=name', '-cf', '-', '-C', root, TOP]);
    let end = tar.length;
    while (end > 0 && tar[end - 1] === 0) end--;
    const entriesEnd = Math.ceil(end / 512) * 512;
    const wanted = wantedOf(FILES);
    wanted.set('src/not-in-archive.ts', gitBlobSha(Buffer.from('x\n')));
    const promise = extractWantedFiles(chunked(gzipSync(tar.subarray(0, entriesEnd + 512)), 512), wanted, LIMITS);
    await expect(promise).rejects.toThrow(/truncated/);
    // With both zero blocks the same archive is complete, and the missing file is reported, not an error.
    const complete = await extractWantedFiles(chunked(gzipSync(tar.subarray(0, entriesEnd + 1024)), 512), wanted, LIMITS);
    expect(complete.mismatched).toEqual(['src/not-in-archive.ts']);
  });

  it('refuses a body that is not gzip', async () => {
    const body = chunked(Buffer.from('{"message":"Not Found","documentation_url":"https://docs.github.com/rest"}'), 64);
    await expect(extractWantedFiles(body, wantedOf(FILES), LIMITS)).rejects.toThrow(/not gzip/);
  });

  it('refuses an archive over maxArchiveBytes before finding every file', async () => {
    const files = { 'a.ts': 'export {};\n', 'm-filler.bin': Buffer.alloc(300_000, 3), 'z.ts': 'export {};\n' };
    const archive = systemTarGz(tree('too-large', files), 'pax');
    const wanted = new Map([['z.ts', gitBlobSha(Buffer.from(files['z.ts']))]]);
    await expect(extractWantedFiles(chunked(archive, 4096), wanted, { ...LIMITS, maxArchiveBytes: 100_000 })).rejects.toThrow(/larger than the 100000-byte limit/);
    // The same archive within the limit is fine, and the limit counts uncompressed bytes.
    const result = await extractWantedFiles(chunked(archive, 4096), wanted, { ...LIMITS, maxArchiveBytes: 400_000 });
    expect(result.files.has('z.ts')).toBe(true);
    expect(archive.length).toBeLessThan(100_000);
  });

  it('refuses a header whose checksum does not match', async () => {
    const root = tree('corrupt', FILES);
    const tar = Buffer.from(execFileSync('tar', ['--format=pax', '--sort=name', '-cf', '-', '-C', root, TOP]));
    tar[5] = tar[5]! ^ 0x20; // a byte of the first header's name
    await expect(extractWantedFiles(chunked(gzipSync(tar), 4096), wantedOf(FILES), LIMITS)).rejects.toThrow(/Corrupt tar header: checksum/);
  });
});

describe('extractWantedFiles on `git archive` output, as GitHub serves it', () => {
  let repository: string;
  let head: string;
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'core.autocrlf=false', ...args], { cwd: repository, stdio: ['ignore', 'pipe', 'pipe'] });

  beforeAll(() => {
    repository = mkdtempSync(path.join(workspace, 'git-'));
    const files: Record<string, string> = {
      ...FILES,
      '.gitattributes': ['src/version.ts export-subst', 'fixtures/** export-ignore', 'src/windows.ts text eol=crlf', ''].join('\n'),
      'src/version.ts': 'export const commit = "$Format:%H$";\n',
      'src/windows.ts': 'export const line = 1;\nexport const next = 2;\n',
      'fixtures/secret-sample.ts': 'export const ignored = true;\n',
    };
    for (const [file, content] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(repository, file)), { recursive: true });
      writeFileSync(path.join(repository, file), content);
    }
    git('init', '--quiet');
    git('add', '--all');
    git('commit', '--quiet', '-m', 'Add tools');
    head = git('rev-parse', 'HEAD').toString().trim();
  });

  /** The blob ids the PR's file list names: what `git ls-tree` has at the commit. */
  function listedBlobs(): Map<string, string> {
    const listing = git('ls-tree', '-r', '-z', 'HEAD').toString('utf8');
    return new Map(
      listing
        .split('\0')
        .filter(Boolean)
        .map((line) => {
          const [meta, file] = line.split('\t') as [string, string];
          return [file, meta.split(' ')[2]!];
        }),
    );
  }

  it('returns the files as committed, with the commit id from the pax global header', async () => {
    const archivePath = path.join(workspace, 'git-archive.tar.gz');
    git('archive', '--format=tar.gz', `--prefix=o-r-${head.slice(0, 7)}/`, '-o', archivePath, 'HEAD');
    const wanted = listedBlobs();
    const result = await extractWantedFiles(chunked(readFileSync(archivePath), 8192), wanted, LIMITS);
    expect(result.commit).toBe(head);
    expect(textsOf(result.files)).toMatchObject(FILES);
    for (const [file, content] of result.files) expect(gitBlobSha(content)).toBe(wanted.get(file));
    // git archive rewrites export-subst and eol files and leaves export-ignore ones out: those need their blobs.
    expect(result.mismatched.sort()).toEqual(['fixtures/secret-sample.ts', 'src/version.ts', 'src/windows.ts']);
  });

  // Audit #5: a 990,003-byte blob archived as 1,098,994 bytes (eol=crlf) was skipped as over 1 MB and the run passed.
  it('judges size by the blob, not the archived copy: a file eol=crlf grew past the limit is fetched by blob', async () => {
    const crlfRepo = mkdtempSync(path.join(workspace, 'git-crlf-'));
    const run = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'core.autocrlf=false', ...args], { cwd: crlfRepo, stdio: ['ignore', 'pipe', 'pipe'] });
    const line = 'export const value = "padding padding padding padding padding padding padding";\n';
    const body = line.repeat(Math.floor(990_000 / line.length));
    mkdirSync(path.join(crlfRepo, 'src'));
    writeFileSync(path.join(crlfRepo, '.gitattributes'), '*.ts text eol=crlf\n');
    writeFileSync(path.join(crlfRepo, 'src/server.ts'), body);
    writeFileSync(path.join(crlfRepo, 'src/huge.ts'), 'x'.repeat(3 * 1024 * 1024 + 10));
    run('init', '--quiet');
    run('add', '--all');
    run('commit', '--quiet', '-m', 'big files');
    const archivePath = path.join(workspace, 'git-crlf.tar.gz');
    run('archive', '--format=tar.gz', '--prefix=o-r-abc/', '-o', archivePath, 'HEAD');
    const blobOf = (file: string) => run('rev-parse', `HEAD:${file}`).toString().trim();
    const wanted = new Map([['src/server.ts', blobOf('src/server.ts')], ['src/huge.ts', blobOf('src/huge.ts')]]);
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(LIMITS.maxFileBytes);
    const result = await extractWantedFiles(chunked(readFileSync(archivePath), 8192), wanted, LIMITS);
    // The archived copy is over 1 MB but is not the blob: its blob (under 1 MB) is fetched and analysed.
    expect(result.oversized.map((file) => file.path)).not.toContain('src/server.ts');
    expect(result.mismatched).toContain('src/server.ts');
    // Far past twice the limit the archive copy is not read at all; the blob API reports its real size.
    expect(result.mismatched).toContain('src/huge.ts');
    expect(result.files.size).toBe(0);
  });
});

describe('extractWantedFiles with alsoKeep (the modules changed files may import)', () => {
  const accept = (file: string) => file.endsWith('.ts');

  it('reads to the end, lists every file, and keeps accepted others up to their byte allowance', async () => {
    const archive = systemTarGz(tree('also-keep', FILES), 'pax');
    const wanted = wantedOf({ 'src/server.ts': FILES['src/server.ts']! });
    const stream = chunked(archive, 512);
    const result = await extractWantedFiles(stream, wanted, { ...LIMITS, alsoKeep: { accept, maxBytes: 100 } });
    expect([...result.files.keys()]).toEqual(['src/server.ts']);
    expect(stream.closed).toBe(false);
    expect([...result.paths!].sort()).toEqual(Object.keys(FILES).sort());
    // Name order: src/auth/refresh.ts (60 bytes) fits, the next ones would pass 100 bytes except the empty file.
    const kept = [...result.alsoKept!.keys()].sort();
    expect(kept).toContain('src/auth/refresh.ts');
    expect(kept).not.toContain('README.md');
    expect(kept).not.toContain('src/server.ts');
    expect([...result.alsoKept!.values()].reduce((sum, bytes) => sum + bytes.length, 0)).toBeLessThanOrEqual(100);
  });

  it("stops where the job's byte budget is reached, as without it: the file list is then incomplete and not returned", async () => {
    const archive = systemTarGz(tree('also-keep-budget', FILES), 'pax');
    const wanted = wantedOf({ 'src/auth/refresh.ts': FILES['src/auth/refresh.ts']!, 'src/server.ts': FILES['src/server.ts']! });
    const result = await extractWantedFiles(chunked(archive, 512), wanted, { ...LIMITS, maxKeptBytes: 1, alsoKeep: { accept, maxBytes: 1024 } });
    expect(result.files.size).toBe(1);
    expect(result.deferred).toHaveLength(1);
    expect(result.paths).toBeUndefined();
  });

  it('an archive past the read limit after the wanted files were found keeps what it found instead of failing', async () => {
    const big = { ...FILES, 'zz/big.bin': randomBytes(256 * 1024) };
    const archive = systemTarGz(tree('also-keep-limit', big), 'pax');
    const wanted = wantedOf({ 'src/server.ts': FILES['src/server.ts']! });
    const result = await extractWantedFiles(chunked(archive, 4096), wanted, { ...LIMITS, maxArchiveBytes: 64 * 1024, alsoKeep: { accept, maxBytes: 1024 } });
    expect([...result.files.keys()]).toEqual(['src/server.ts']);
    expect(result.paths).toBeUndefined();
  });
});
