import { open } from 'node:fs/promises';
import { decodeSource, formatBytes, type DecodedSource } from '../source-text.js';

export { decodeSource, formatBytes };

export type SourceRead = DecodedSource;

/** Reads one file; an oversized file is refused from its size alone, without reading it. */
export async function readSourceFile(absolutePath: string, maxBytes: number): Promise<SourceRead> {
  let handle;
  try {
    handle = await open(absolutePath, 'r');
  } catch (error) {
    return { ok: false, message: `could not be read: ${errorCode(error)}` };
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) return { ok: false, message: 'could not be read: is a directory' };
    if (!info.isFile()) return { ok: false, message: 'could not be read: not a regular file' };
    const size = info.size;
    if (size > maxBytes) {
      return { ok: false, message: `skipped: ${formatBytes(size)} is over the ${formatBytes(maxBytes)} limit (max_file_size)` };
    }
    // Read at most one byte past the limit, in case the file grew since stat.
    const buffer = Buffer.alloc(Math.min(size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) break;
    }
    if (length > maxBytes) return { ok: false, message: `skipped: over the ${formatBytes(maxBytes)} limit (max_file_size)` };
    return decodeSource(buffer.subarray(0, length));
  } catch (error) {
    return { ok: false, message: `could not be read: ${errorCode(error)}` };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function errorCode(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory';
  return error instanceof Error ? error.message : String(error);
}
