/**
 * Reads a PR's files out of the repository tarball GitHub serves for a commit (`GET /repos/{o}/{r}/tarball/{ref}`,
 * one API call for every file) instead of one `git/blobs` call per file. The archive is gunzipped and parsed as it
 * streams in; only the wanted files are kept, and each is checked against the blob id the PR's file list gave,
 * because `git archive` can change content (export-subst, eol conversion) or leave files out (export-ignore).
 */
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { gitBlobSha } from '../git-object-id.js';

export interface TarballLimits {
  /** Uncompressed bytes read before giving up. */
  maxArchiveBytes: number;
  /** A wanted file whose blob is larger than this is reported in `oversized`, not returned; one archived at more than twice this is never held in memory. */
  maxFileBytes: number;
  /**
   * Bytes of wanted files kept at most (the file that reaches it is the last one kept). Reading
   * stops there and the wanted files not yet found are returned in `deferred`: a PR of a thousand
   * 1 MB files must not sit in memory whole because its repository compresses well.
   */
  maxKeptBytes?: number;
  /**
   * Besides the wanted files, keep other files that `accept` takes (up to `maxBytes` in all, none
   * over `maxFileBytes`), and read the archive to its end so `paths` lists every file of it: the
   * modules that changed files import are then read from here instead of one request each.
   */
  alsoKeep?: { accept(path: string): boolean; maxBytes: number };
}

export interface TarballExtract {
  /** Wanted files found with exactly the expected git blob id. */
  files: Map<string, Buffer>;
  /** Wanted files whose blob is over maxFileBytes (the caller reports them as skipped by size). */
  oversized: { path: string; bytes: number }[];
  /** Wanted files absent from the archive, not regular files in it, or whose content hashes to another blob id (export-ignore, export-subst, eol conversion, LFS): the caller fetches these by blob. */
  mismatched: string[];
  /** Wanted files not read because `maxKeptBytes` was reached first: the caller fetches these by blob. */
  deferred: string[];
  /** Uncompressed bytes read; less than the archive when every wanted file was found early. */
  archiveBytes: number;
  /** The commit id `git archive` wrote in the pax global header, when there was one. */
  commit?: string;
  /** With `alsoKeep`: the other files kept, by path (content as archived, not checked against a blob id). */
  alsoKept?: Map<string, Buffer>;
  /** With `alsoKeep`, when the archive was read to its end marker: every regular file in it. */
  paths?: Set<string>;
}

/** The archive cannot be read: over the size limit, truncated, not gzip, or a corrupt header. Transport errors pass through unchanged. */
export class TarballError extends Error {
  override readonly name = 'TarballError';
}

const BLOCK = 512;
/** Pax and GNU long-name records are small; a larger one is corrupt or hostile. */
const MAX_METADATA_BYTES = 1024 * 1024;
/** Typeflags whose header is followed by no data, whatever `size` says (POSIX: size is ignored for links). */
const NO_DATA_TYPES = new Set(['1', '2', '3', '4', '6']);
const REGULAR_FILE_TYPES = new Set(['0', '\0', '7']);

/**
 * Streams `body` (a gzipped tar) and returns the wanted files. Stops reading, and destroys the stream, as soon as
 * every wanted path is settled, or throws a TarballError when more than `maxArchiveBytes` would have to be read.
 */
export async function extractWantedFiles(
  body: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>,
  wanted: ReadonlyMap<string, string>,
  limits: TarballLimits,
): Promise<TarballExtract> {
  const parser = new WantedFilesParser(wanted, limits.maxFileBytes, limits.maxKeptBytes ?? Number.POSITIVE_INFINITY, limits.alsoKeep);
  const source = Readable.from(isWebStream(body) ? webStreamChunks(body) : body, { objectMode: false });
  const gunzip = createGunzip();
  let transportError: unknown;
  source.on('error', (error) => {
    transportError = error;
    gunzip.destroy(error);
  });
  source.pipe(gunzip);

  let archiveBytes = 0;
  try {
    if (!parser.done) {
      for await (const chunk of gunzip as AsyncIterable<Buffer>) {
        const allowed = Math.min(chunk.length, limits.maxArchiveBytes - archiveBytes);
        parser.push(chunk.subarray(0, allowed));
        archiveBytes += allowed;
        if (parser.done) break;
        if (allowed < chunk.length) {
          // The wanted files are all settled; only the extra files were being read: keep what was found.
          if (parser.wantedSettled) break;
          throw new TarballError(`The archive is larger than the ${limits.maxArchiveBytes}-byte limit (uncompressed) before all wanted files were found`);
        }
      }
    }
  } catch (error) {
    if (error instanceof TarballError || (transportError !== undefined && error === transportError)) throw error;
    throw gzipError(error, archiveBytes);
  } finally {
    gunzip.destroy();
    source.destroy();
  }
  if (!parser.done) parser.finish();
  return { ...parser.result(), archiveBytes };
}

function isWebStream(body: unknown): body is ReadableStream<Uint8Array> {
  return typeof (body as { getReader?: unknown }).getReader === 'function';
}

/** A fetch body as chunks; stopping early cancels it, which closes the download. */
async function* webStreamChunks(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

function gzipError(error: unknown, archiveBytes: number): TarballError {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'Z_BUF_ERROR' || /unexpected end of file/i.test(message)) return new TarballError(`The archive is truncated: the gzip stream ended after ${archiveBytes} bytes`);
  if (archiveBytes === 0 && code === 'Z_DATA_ERROR') return new TarballError(`The archive is not gzip data (${message})`);
  return new TarballError(`The archive's gzip data is corrupt after ${archiveBytes} bytes (${message})`);
}

type DataSink =
  | { kind: 'skip' }
  | { kind: 'metadata'; typeflag: 'x' | 'g' | 'L'; buffer: Buffer; filled: number }
  | { kind: 'wanted'; path: string; buffer: Buffer; filled: number }
  | { kind: 'also'; path: string; buffer: Buffer; filled: number };

interface Entry {
  path: string;
  typeflag: string;
  size: number;
}

/** A tar parser fed in arbitrary chunks; it keeps a header's worth of bytes and the wanted files, nothing else. */
class WantedFilesParser {
  private readonly files = new Map<string, Buffer>();
  private readonly oversized: { path: string; bytes: number }[] = [];
  private readonly mismatched: string[] = [];
  private readonly deferred: string[] = [];
  private keptBytes = 0;
  /** Wanted paths not yet found, found or settled otherwise. */
  private readonly pending: Set<string>;
  private commit: string | undefined;
  private readonly alsoKept = new Map<string, Buffer>();
  private alsoKeptBytes = 0;
  private readonly paths = new Set<string>();
  /** `maxKeptBytes` was reached: reading stops there, also for `alsoKeep` (whose `paths` are then incomplete). */
  private budgetReached = false;

  private readonly header = Buffer.alloc(BLOCK);
  private headerFilled = 0;
  /** Bytes of entry data, then of padding to the next block, still to come. */
  private dataRemaining = 0;
  private paddingRemaining = 0;
  private sink: DataSink = { kind: 'skip' };
  private zeroBlocks = 0;
  private ended = false;
  /** Overrides for the next entry from a pax 'x' header or a GNU 'L' long name. */
  private nextPath: string | undefined;
  private nextSize: number | undefined;

  constructor(
    private readonly wanted: ReadonlyMap<string, string>,
    private readonly maxFileBytes: number,
    private readonly maxKeptBytes: number,
    private readonly alsoKeep?: { accept(path: string): boolean; maxBytes: number },
  ) {
    this.pending = new Set(wanted.keys());
  }

  /** True once every wanted path is settled (and, with `alsoKeep`, the archive read whole) or the archive's end marker was read. */
  get done(): boolean {
    return this.ended || this.budgetReached || (this.pending.size === 0 && !this.alsoKeep);
  }

  get wantedSettled(): boolean {
    return this.ended || this.pending.size === 0;
  }

  push(chunk: Buffer): void {
    let offset = 0;
    while (offset < chunk.length && !this.done) {
      if (this.dataRemaining > 0) offset += this.consumeData(chunk, offset);
      else if (this.paddingRemaining > 0) {
        const skipped = Math.min(this.paddingRemaining, chunk.length - offset);
        this.paddingRemaining -= skipped;
        offset += skipped;
      } else {
        const copied = chunk.copy(this.header, this.headerFilled, offset, Math.min(chunk.length, offset + BLOCK - this.headerFilled));
        this.headerFilled += copied;
        offset += copied;
        if (this.headerFilled === BLOCK) {
          this.headerFilled = 0;
          this.readHeader();
        }
      }
    }
  }

  /** The stream ended: anything short of the two-zero-block end marker is a truncated archive. */
  finish(): void {
    if (this.ended || this.pending.size === 0) return;
    throw new TarballError('The archive is truncated: it ended before the end-of-archive marker');
  }

  result(): Omit<TarballExtract, 'archiveBytes'> {
    // Whatever was not found by the end is absent from the archive (export-ignore, or not at this commit).
    const mismatched = [...this.mismatched, ...this.pending];
    const also = this.alsoKeep ? { alsoKept: this.alsoKept, ...(this.ended ? { paths: this.paths } : {}) } : {};
    return { files: this.files, oversized: this.oversized, mismatched, deferred: this.deferred, ...(this.commit ? { commit: this.commit } : {}), ...also };
  }

  private readHeader(): void {
    if (this.header.every((byte) => byte === 0)) {
      this.zeroBlocks++;
      if (this.zeroBlocks === 2) this.ended = true;
      return;
    }
    if (this.zeroBlocks > 0) throw new TarballError('Corrupt tar header: a lone zero block in the middle of the archive');
    verifyChecksum(this.header);
    const typeflag = String.fromCharCode(this.header[156]!);
    const headerSize = parseNumber(this.header.subarray(124, 136), 'size');
    const isMetadata = typeflag === 'x' || typeflag === 'g' || typeflag === 'L' || typeflag === 'K';
    // Overrides apply to the next real entry, not to another metadata record in between.
    const entry: Entry = isMetadata
      ? { typeflag, path: '', size: headerSize }
      : { typeflag, path: this.nextPath ?? headerPath(this.header), size: this.nextSize ?? headerSize };
    if (!isMetadata) {
      this.nextPath = undefined;
      this.nextSize = undefined;
    }
    const dataBytes = NO_DATA_TYPES.has(typeflag) ? 0 : entry.size;
    this.startData(entry, dataBytes);
  }

  private startData(entry: Entry, dataBytes: number): void {
    this.sink = this.sinkFor(entry);
    this.dataRemaining = dataBytes;
    this.paddingRemaining = (BLOCK - (dataBytes % BLOCK)) % BLOCK;
    if (dataBytes === 0) this.completeData();
  }

  private sinkFor(entry: Entry): DataSink {
    const { typeflag } = entry;
    if (typeflag === 'x' || typeflag === 'g' || typeflag === 'L') {
      if (entry.size > MAX_METADATA_BYTES) throw new TarballError(`Corrupt tar header: a '${typeflag}' record of ${entry.size} bytes`);
      return { kind: 'metadata', typeflag, buffer: Buffer.alloc(entry.size), filled: 0 };
    }
    if (typeflag === 'K') return { kind: 'skip' };
    const path = repositoryPath(entry.path);
    if (path !== undefined && this.alsoKeep && REGULAR_FILE_TYPES.has(typeflag)) this.paths.add(path);
    if (path !== undefined && !this.pending.has(path) && this.alsoKeep && REGULAR_FILE_TYPES.has(typeflag) && !this.wanted.has(path) &&
      entry.size <= this.maxFileBytes && this.alsoKeptBytes + entry.size <= this.alsoKeep.maxBytes && this.alsoKeep.accept(path)) {
      this.alsoKeptBytes += entry.size;
      return { kind: 'also', path, buffer: Buffer.alloc(entry.size), filled: 0 };
    }
    if (path === undefined || !this.pending.has(path)) return { kind: 'skip' };
    if (!REGULAR_FILE_TYPES.has(typeflag)) {
      // A symlink or a directory where a file was expected: its blob is not in the archive as content.
      this.settle(path, () => this.mismatched.push(path));
      return { kind: 'skip' };
    }
    if (entry.size > this.maxFileBytes) {
      // The archived size is not the blob's: `eol=crlf` or `export-subst` can grow a file past the
      // limit. Up to twice the limit (what CRLF can do) the content is hashed, and only a file that
      // is its blob is called oversized; past that, or when it is not, the blob decides.
      if (entry.size > this.maxFileBytes * 2 + MAX_METADATA_BYTES) {
        this.settle(path, () => this.mismatched.push(path));
        return { kind: 'skip' };
      }
    }
    return { kind: 'wanted', path, buffer: Buffer.alloc(entry.size), filled: 0 };
  }

  private consumeData(chunk: Buffer, offset: number): number {
    const take = Math.min(this.dataRemaining, chunk.length - offset);
    const sink = this.sink;
    if (sink.kind !== 'skip') {
      chunk.copy(sink.buffer, sink.filled, offset, offset + take);
      sink.filled += take;
    }
    this.dataRemaining -= take;
    if (this.dataRemaining === 0) this.completeData();
    return take;
  }

  private completeData(): void {
    const sink = this.sink;
    this.sink = { kind: 'skip' };
    if (sink.kind === 'wanted') {
      const expected = this.wanted.get(sink.path);
      this.settle(sink.path, () => {
        if (gitBlobSha(sink.buffer) !== expected) this.mismatched.push(sink.path);
        else if (sink.buffer.length > this.maxFileBytes) this.oversized.push({ path: sink.path, bytes: sink.buffer.length });
        else {
          this.files.set(sink.path, sink.buffer);
          this.keptBytes += sink.buffer.length;
        }
      });
      if (this.keptBytes >= this.maxKeptBytes) {
        // Holding as much as allowed: the rest is left to blob fetches, and reading stops here.
        this.deferred.push(...this.pending);
        this.pending.clear();
        this.budgetReached = true;
      }
    } else if (sink.kind === 'also') {
      this.alsoKept.set(sink.path, sink.buffer);
    } else if (sink.kind === 'metadata') {
      if (sink.typeflag === 'L') this.nextPath = cString(sink.buffer);
      else {
        const records = paxRecords(sink.buffer);
        if (sink.typeflag === 'g') {
          const comment = records.get('comment');
          if (comment && /^[0-9a-f]{40}$/.test(comment)) this.commit = comment;
        } else {
          const path = records.get('path');
          const size = records.get('size');
          if (path !== undefined) this.nextPath = path;
          if (size !== undefined) {
            if (!/^\d+$/.test(size)) throw new TarballError(`Corrupt pax header: size '${size}'`);
            this.nextSize = Number(size);
          }
        }
      }
    }
  }

  private settle(path: string, record: () => void): void {
    if (!this.pending.delete(path)) return;
    record();
  }
}

/** The repository path of an archive entry: `git archive` puts everything under one `<owner>-<repo>-<sha>/` directory. */
function repositoryPath(archivePath: string): string | undefined {
  const slash = archivePath.indexOf('/');
  if (slash < 0) return undefined;
  const path = archivePath.slice(slash + 1);
  return path === '' ? undefined : path;
}

/** ustar splits a long path into `prefix` and `name`; GNU tar uses the prefix bytes for other fields. */
function headerPath(header: Buffer): string {
  const name = cString(header.subarray(0, 100));
  const isPosixUstar = header.subarray(257, 263).toString('latin1') === 'ustar\0';
  const prefix = isPosixUstar ? cString(header.subarray(345, 500)) : '';
  return prefix ? `${prefix}/${name}` : name;
}

function cString(bytes: Buffer): string {
  const end = bytes.indexOf(0);
  return bytes.subarray(0, end < 0 ? bytes.length : end).toString('utf8');
}

/** An octal field (NUL- or space-terminated), or GNU's base-256 form for values that do not fit. */
function parseNumber(field: Buffer, what: string): number {
  if ((field[0]! & 0x80) !== 0) {
    if (field[0] === 0xff) throw new TarballError(`Corrupt tar header: negative ${what}`);
    let value = field[0]! & 0x7f;
    for (const byte of field.subarray(1)) value = value * 256 + byte;
    if (!Number.isSafeInteger(value)) throw new TarballError(`Corrupt tar header: ${what} too large`);
    return value;
  }
  const text = field.toString('latin1').replace(/[\0 ]+$/, '').replace(/^ +/, '');
  if (text === '') return 0;
  if (!/^[0-7]+$/.test(text)) throw new TarballError(`Corrupt tar header: ${what} '${text}' is not octal`);
  return parseInt(text, 8);
}

/** The header checksum: the sum of its bytes with the checksum field read as spaces (some writers sum signed bytes). */
function verifyChecksum(header: Buffer): void {
  const stored = parseNumber(header.subarray(148, 156), 'checksum');
  let unsigned = 0;
  let signed = 0;
  for (let index = 0; index < BLOCK; index++) {
    const byte = index >= 148 && index < 156 ? 0x20 : header[index]!;
    unsigned += byte;
    signed += byte > 127 ? byte - 256 : byte;
  }
  if (stored !== unsigned && stored !== signed) throw new TarballError(`Corrupt tar header: checksum ${stored} does not match ${unsigned}`);
}

/** Pax records: `<length> <key>=<value>\n`, where length counts the whole record. */
function paxRecords(data: Buffer): Map<string, string> {
  const records = new Map<string, string>();
  let offset = 0;
  while (offset < data.length) {
    if (data[offset] === 0) break;
    const space = data.indexOf(0x20, offset);
    const length = space < 0 ? NaN : Number(data.subarray(offset, space).toString('latin1'));
    if (!Number.isInteger(length) || length <= space - offset || offset + length > data.length || data[offset + length - 1] !== 0x0a) {
      throw new TarballError('Corrupt pax header: a record length does not match its content');
    }
    const record = data.subarray(space + 1, offset + length - 1).toString('utf8');
    const equals = record.indexOf('=');
    if (equals > 0) records.set(record.slice(0, equals), record.slice(equals + 1));
    offset += length;
  }
  return records;
}
