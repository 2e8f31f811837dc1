import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { decodeSource, formatBytes, type DecodedSource } from '../source-text.js';

export { decodeSource, formatBytes };

export type SourceRead = DecodedSource;

/**
 * Reads one file; an oversized file is refused from its size alone, without reading it. Anything
 * but a regular file (a FIFO, a socket, a device) is reported, never opened: opening a FIFO waits
 * for a writer forever. O_NONBLOCK covers a path swapped for a FIFO between stat and open.
 */
export async function readSourceFile(absolutePath: string, maxBytes: number): Promise<SourceRead> {
  try {
    const info = await stat(absolutePath);
    if (info.isDirectory()) return { ok: false, message: 'could not be read: is a directory' };
    if (!info.isFile()) return { ok: false, message: 'could not be read: not a regular file' };
  } catch (error) {
    return { ok: false, message: `could not be read: ${errorCode(error)}` };
  }
  let handle;
  try {
    handle = await open(absolutePath, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { ok: false, message: `could not be read: ${errorCode(error)}` };
  }
  try {
    const info = await handle.stat();
    const refused = refusalOf(info, maxBytes);
    if (refused) return refused;
    const buffer = bufferFor(info, maxBytes);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) break;
    }
    return decodedWithin(buffer, length, maxBytes);
  } catch (error) {
    return { ok: false, message: `could not be read: ${errorCode(error)}` };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * `readSourceFile`, synchronously, with the same checks: the analyzer reads the modules that an
 * analysed file imports while it analyses (a pure, synchronous pass), through this.
 */
export function readSourceFileSync(absolutePath: string, maxBytes: number): SourceRead {
  let descriptor: number;
  try {
    descriptor = openSync(absolutePath, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { ok: false, message: `could not be read: ${errorCode(error)}` };
  }
  try {
    const info = fstatSync(descriptor);
    const refused = refusalOf(info, maxBytes);
    if (refused) return refused;
    const buffer = bufferFor(info, maxBytes);
    let length = 0;
    for (;;) {
      const bytesRead = readSync(descriptor, buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) break;
    }
    return decodedWithin(buffer, length, maxBytes);
  } catch (error) {
    return { ok: false, message: `could not be read: ${errorCode(error)}` };
  } finally {
    try {
      closeSync(descriptor);
    } catch {
      // already closed or gone: nothing more to read
    }
  }
}

/** Why an opened file is not read: not a regular file, or over the limit by its size alone. */
function refusalOf(info: Stats, maxBytes: number): SourceRead | undefined {
  if (info.isDirectory()) return { ok: false, message: 'could not be read: is a directory' };
  if (!info.isFile()) return { ok: false, message: 'could not be read: not a regular file' };
  if (info.size > maxBytes) return { ok: false, message: `skipped: ${formatBytes(info.size)} is over the ${formatBytes(maxBytes)} limit (max_file_size)` };
  return undefined;
}

/** Room for at most one byte past the limit, in case the file grew since stat. */
function bufferFor(info: Stats, maxBytes: number): Buffer {
  return Buffer.alloc(Math.min(info.size, maxBytes) + 1);
}

function decodedWithin(buffer: Buffer, length: number, maxBytes: number): SourceRead {
  if (length > maxBytes) return { ok: false, message: `skipped: over the ${formatBytes(maxBytes)} limit (max_file_size)` };
  return decodeSource(buffer.subarray(0, length));
}

/**
 * A small text file the CLI reads for itself (a config file, a .gitignore): a regular file only
 * (a FIFO would block the read forever), refused past `maxBytes` from its size alone.
 */
export async function readSmallTextFile(absolutePath: string, maxBytes: number): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  const read = await readSourceFile(absolutePath, maxBytes);
  if (!read.ok) return read;
  return { ok: true, text: read.text };
}

function errorCode(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory';
  return error instanceof Error ? error.message : String(error);
}
