/** Git object ids, computed the way git computes them; shared by the app (to verify content) and the simulator. */
import { createHash } from 'node:crypto';

/** The id git gives a blob: sha1 of `blob <size>\0<content>`. */
export function gitBlobSha(content: Uint8Array): string {
  return createHash('sha1').update(`blob ${content.byteLength}\0`).update(content).digest('hex');
}

/** One entry of a git tree: a file (mode 100644) or a subdirectory (mode 40000), with the entry's object id. */
export interface GitTreeEntry {
  name: string;
  kind: 'file' | 'directory';
  sha: string;
}

/** The id git gives a tree: sha1 of `tree <size>\0` then `<mode> <name>\0<20-byte id>` per entry, in git's order. */
export function gitTreeSha(entries: readonly GitTreeEntry[]): string {
  const sorted = [...entries].sort((a, b) => Buffer.compare(treeSortKey(a), treeSortKey(b)));
  const body = Buffer.concat(
    sorted.map((entry) =>
      Buffer.concat([Buffer.from(`${entry.kind === 'file' ? '100644' : '40000'} ${entry.name}\0`, 'utf8'), Buffer.from(entry.sha, 'hex')]),
    ),
  );
  return createHash('sha1').update(`tree ${body.length}\0`).update(body).digest('hex');
}

/** Git sorts tree entries by name bytes, comparing a directory as if its name ended with '/'. */
function treeSortKey(entry: GitTreeEntry): Buffer {
  return Buffer.from(entry.kind === 'directory' ? `${entry.name}/` : entry.name, 'utf8');
}
