/** Pure: which files of a PR are analysed, where their content comes from, and what a fetched blob becomes. */
import type { InputFile } from '../analyzer/types.js';
import { isSupportedPath } from '../analyzer/paths.js';
import { isIncluded } from '../config/filter.js';
import type { GuardConfig } from '../config/types.js';
import type { SkippedFile, UnreadFile } from '../report/check-run.js';
import type { Blob, ListedFile } from './github/client.js';
import { decodeSource, formatBytes } from '../source-text.js';

export interface FileSelection {
  candidates: ListedFile[];
  skipped: SkippedFile[];
  ignored: { removed: number; unsupported: number; excluded: number };
}

export function selectFiles(listed: readonly ListedFile[], config: GuardConfig): FileSelection {
  const selection: FileSelection = { candidates: [], skipped: [], ignored: { removed: 0, unsupported: 0, excluded: 0 } };
  for (const file of listed) {
    if (file.status === 'removed') selection.ignored.removed++;
    else if (!isSupportedPath(file.path)) selection.ignored.unsupported++;
    else if (!isIncluded(file.path, config)) selection.ignored.excluded++;
    else if (isSubmodulePatch(file.patch)) selection.skipped.push({ path: file.path, reason: 'submodule', detail: 'a submodule, not a file' });
    else selection.candidates.push(file);
  }
  return selection;
}

/** GitHub's diff of a submodule bump is the commit pointer, not file lines. */
function isSubmodulePatch(patch: string | undefined): boolean {
  return patch !== undefined && /^[-+]Subproject commit [0-9a-f]{40}$/m.test(patch);
}

export type DecodedBlob = { kind: 'file'; file: InputFile } | { kind: 'skipped'; skipped: SkippedFile } | { kind: 'unread'; unread: UnreadFile };

/**
 * Turns a blob into analyzer input, refusing it before decoding when it is over the size limit.
 * Decoding follows the CLI's rules (`decodeSource`).
 */
export function decodeBlob(path: string, blob: Blob, maxFileBytes: number): DecodedBlob {
  const size = blob.size > 0 ? blob.size : estimatedSize(blob);
  if (size > maxFileBytes) return tooLarge(path, size, maxFileBytes);
  const bytes = blob.encoding === 'base64' ? Buffer.from(blob.content, 'base64') : Buffer.from(blob.content, 'utf8');
  return decodeFileBytes(path, bytes, maxFileBytes);
}

/** A file's bytes (from a blob or the tarball) as analyzer input, under the same size rule; NUL bytes do not make a source file "binary" (`decodeSource`). */
export function decodeFileBytes(path: string, bytes: Buffer, maxFileBytes: number): DecodedBlob {
  if (bytes.length > maxFileBytes) return tooLarge(path, bytes.length, maxFileBytes);
  const decoded = decodeSource(bytes);
  if (!decoded.ok) return { kind: 'unread', unread: { path, detail: decoded.message } };
  return { kind: 'file', file: { path, text: decoded.text } };
}

export function tooLarge(path: string, size: number, maxFileBytes: number): DecodedBlob {
  return { kind: 'skipped', skipped: { path, reason: 'too-large', detail: `${formatBytes(size)} is over the ${formatBytes(maxFileBytes)} limit (\`max_file_size\`)` } };
}

/**
 * When one tarball of the head beats fetching blobs one by one: it costs one API call whatever
 * the number of files, but downloads the whole tree. Worth it from two blobs on, as long as the
 * repository (GitHub's `size`, in KB) is small next to what the blobs would cost; a repository
 * of unknown size is not downloaded whole.
 */
export const TARBALL_POLICY = { minBlobs: 2, baseKb: 5 * 1024, perBlobKb: 100, maxKb: 200 * 1024 };

export function chooseContentSource(blobsNeeded: number, repositorySizeKb: number | undefined, policy = TARBALL_POLICY): 'tarball' | 'blobs' {
  if (blobsNeeded < policy.minBlobs || repositorySizeKb === undefined || repositorySizeKb < 0) return 'blobs';
  const worthKb = Math.min(policy.maxKb, policy.baseKb + policy.perBlobKb * blobsNeeded);
  return repositorySizeKb <= worthKb ? 'tarball' : 'blobs';
}

/**
 * The whole text of an added file, rebuilt from its patch: a single `@@ -0,0 +1,N @@` hunk of N
 * added lines is the file. Saves one API call per added file. Anything else (no patch for a
 * binary or a diff too large, several hunks, a count that does not match) returns undefined,
 * and the blob is fetched instead.
 */
export function contentOfAddedFile(file: ListedFile): string | undefined {
  if (file.status !== 'added' || !file.patch) return undefined;
  const lines = file.patch.split('\n');
  const header = /^@@ -0,0 \+1(?:,(\d+))? @@/.exec(lines[0] ?? '');
  if (!header) return undefined;
  const expected = header[1] === undefined ? 1 : Number(header[1]);
  let body = lines.slice(1);
  let finalNewline = true;
  if (body[body.length - 1]?.startsWith('\\')) {
    finalNewline = false;
    body = body.slice(0, -1);
  }
  if (expected === 0 || body.length !== expected || body.some((line) => !line.startsWith('+'))) return undefined;
  const text = body.map((line) => line.slice(1)).join('\n');
  return finalNewline ? `${text}\n` : text;
}

/** An added file rebuilt from its patch, under the same size rule as a blob; NUL bytes are read as spaces, as `decodeSource` does. */
export function decodeAddedFile(path: string, text: string, maxFileBytes: number): DecodedBlob {
  const size = Buffer.byteLength(text, 'utf8');
  if (size > maxFileBytes) return tooLarge(path, size, maxFileBytes);
  return { kind: 'file', file: { path, text: text.replaceAll('\u0000', ' ') } };
}

function estimatedSize(blob: Blob): number {
  if (blob.encoding !== 'base64') return Buffer.byteLength(blob.content, 'utf8');
  return Math.floor((blob.content.replace(/\s/g, '').length * 3) / 4);
}

export { formatBytes };

/**
 * Hands each item's `fetch` result to `consume`, in input order, with at most `concurrency`
 * fetches started and not yet consumed (the one awaited included). `consume` is awaited before
 * the next result is taken, so while it is busy (a batch being analysed) at most
 * `concurrency - 1` results wait in memory: a job holds its byte budget plus that many files,
 * however many files its PR has. `consume` returns false to stop (the result is then false);
 * fetches already started finish on their own.
 */
export async function consumeInOrder<T, R>(items: readonly T[], concurrency: number, fetch: (item: T) => Promise<R>, consume: (result: R) => Promise<boolean> | boolean): Promise<boolean> {
  const limit = Math.max(1, concurrency);
  const started = new Map<number, Promise<R>>();
  let next = 0;
  for (let index = 0; index < items.length; index++) {
    for (; next < items.length && next < index + limit; next++) {
      const fetching = fetch(items[next]!);
      // Awaited below in turn; this only keeps a failure of one never awaited (after a stop) from going unhandled.
      fetching.catch(() => undefined);
      started.set(next, fetching);
    }
    const result = await started.get(index)!;
    // Released at once: the map must not keep every file the job ever fetched.
    started.delete(index);
    if (!(await consume(result))) return false;
  }
  return true;
}
