/**
 * Brings a labelled package onto disk: `npm pack <name>@<version>` into the cache, the tarball's
 * sha512 checked against the label file's integrity, unpacked with `tar` to
 * `<cache>/<slug>@<version>/package/`. A verified unpack is reused.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { homedir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { slugOf } from './labels.js';

const run = promisify(execFile);
const VERIFIED_MARKER = '.verified-integrity';

export function defaultCacheDir(): string {
  return process.env.MCP_GUARD_EVAL_CACHE || join(homedir(), '.cache', 'mcp-oauth-guard-eval');
}

export type FetchResult = { ok: true; root: string; fromCache: boolean } | { ok: false; error: string };

export async function fetchPackage(name: string, version: string, integrity: string, cacheDir: string): Promise<FetchResult> {
  const folder = join(cacheDir, `${slugOf(name)}@${version}`);
  const root = join(folder, 'package');
  const marker = join(folder, VERIFIED_MARKER);
  if ((await readOrUndefined(marker)) === integrity && (await isDirectory(root))) return { ok: true, root, fromCache: true };

  await fs.mkdir(folder, { recursive: true });
  let tarball = await existingTarball(folder);
  if (!tarball) {
    try {
      const { stdout } = await run('npm', ['pack', `${name}@${version}`, '--json', '--pack-destination', folder], {
        cwd: folder,
        timeout: 180_000,
        maxBuffer: 64 * 1024 * 1024,
      });
      const packed = JSON.parse(stdout) as { filename?: string }[];
      const filename = packed[0]?.filename;
      if (!filename) return { ok: false, error: 'npm pack reported no tarball' };
      tarball = join(folder, filename.replace(/^@/, '').replace(/\//g, '-'));
      if (!(await isFile(tarball))) tarball = await existingTarball(folder);
      if (!tarball) return { ok: false, error: `npm pack wrote no .tgz into ${folder}` };
    } catch (error) {
      return { ok: false, error: `npm pack ${name}@${version} failed: ${npmErrorSummary(error)}` };
    }
  }

  const actual = `sha512-${createHash('sha512').update(await fs.readFile(tarball)).digest('base64')}`;
  if (actual !== integrity) {
    await fs.rm(tarball, { force: true });
    return { ok: false, error: `integrity mismatch: the label file says ${integrity}, the tarball from npm is ${actual} (tarball removed; check the version or fix 'integrity')` };
  }

  const staging = join(folder, 'unpack');
  await fs.rm(staging, { recursive: true, force: true });
  await fs.rm(root, { recursive: true, force: true });
  await fs.mkdir(staging, { recursive: true });
  try {
    await run('tar', ['-xzf', tarball, '-C', staging, '--no-same-owner', '--no-same-permissions'], { timeout: 180_000 });
  } catch (error) {
    return { ok: false, error: `tar could not unpack ${tarball}: ${firstLine(error)}` };
  }
  // npm tarballs hold one top folder, nearly always `package/`; a few publishers used another name.
  const tops = await fs.readdir(staging);
  if (tops.length !== 1 || !(await isDirectory(join(staging, tops[0]!)))) {
    return { ok: false, error: `the tarball does not hold one top folder (found: ${tops.join(', ') || 'nothing'})` };
  }
  await fs.rename(join(staging, tops[0]!), root);
  await fs.rm(staging, { recursive: true, force: true });
  await fs.writeFile(marker, integrity);
  return { ok: true, root, fromCache: false };
}

/** Every regular file under root, as `/`-separated paths relative to it (symlinks are not followed). */
export async function listFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) out.push(relative(root, full).split(sep).join('/'));
    }
  };
  await walk(root);
  return out.sort();
}

const SCANNED_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/** FORMAT.md "Scanned files": sources under package/, except declarations, minified files, source maps and node_modules. */
export function isScannedPath(path: string): boolean {
  if (path.split('/').includes('node_modules')) return false;
  if (!SCANNED_EXTENSIONS.some((extension) => path.endsWith(extension))) return false;
  if (/\.d\.[mc]?ts$/.test(path)) return false;
  if (/\.min\.[mc]?js$/.test(path)) return false;
  return true;
}

function npmErrorSummary(error: unknown): string {
  const stderr = String((error as { stderr?: unknown }).stderr ?? '');
  const lines = stderr
    .split('\n')
    .map((line) => line.replace(/^npm (?:error|ERR!)\s*/, '').trim())
    .filter((line) => line && !/^(?:A complete log|Log files|\d+ verbose)/.test(line));
  const code = /\b(E404|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNREFUSED|ECONNRESET|ETARGET)\b/.exec(stderr)?.[1];
  const hint =
    code === 'E404' || code === 'ETARGET'
      ? 'not on the registry (name or version wrong, or unpublished)'
      : code
        ? 'the registry could not be reached (offline?)'
        : undefined;
  const detail = lines.slice(0, 3).join(' / ') || firstLine(error);
  return hint ? `${hint}: ${detail}` : detail;
}

function firstLine(error: unknown): string {
  const killed = (error as { killed?: boolean }).killed;
  if (killed) return 'timed out';
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

async function existingTarball(folder: string): Promise<string | undefined> {
  const names = (await fs.readdir(folder).catch(() => [] as string[])).filter((name) => name.endsWith('.tgz'));
  return names.length === 1 ? join(folder, names[0]!) : undefined;
}

async function readOrUndefined(path: string): Promise<string | undefined> {
  return fs.readFile(path, 'utf8').catch(() => undefined);
}

async function isDirectory(path: string): Promise<boolean> {
  return fs.stat(path).then((stat) => stat.isDirectory(), () => false);
}

async function isFile(path: string): Promise<boolean> {
  return fs.stat(path).then((stat) => stat.isFile(), () => false);
}
