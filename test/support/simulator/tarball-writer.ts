/**
 * Writes a tree as `git archive --format=tar --prefix=<prefix> <commit>` does (git 2.x `archive-tar.c`), byte for
 * byte: a pax global header with the commit id, then the prefix directory, then every directory and file in git's
 * tree order, then zero blocks up to git's 10 KiB record. Files are mode 100644 (tar 0664 under git's default
 * `tar.umask` of 002), directories 0775, owner root/root, every mtime the commit time.
 */
import { gzipSync } from 'node:zlib';
import { gitBlobSha, gitTreeSha, type GitTreeEntry } from '../../../src/git-object-id.js';

export interface GitArchiveInput {
  /** Written in the pax global header (`comment=<sha>`), as `git archive` does for a commit. */
  commitSha: string;
  /** The top directory with its trailing slash, e.g. `acme-tools-1a2b3c4/` (see `codeloadPrefix`). */
  prefix: string;
  /** Seconds since the epoch; git stamps every entry with the commit time. */
  mtimeSeconds: number;
  /** Repository path to content. */
  files: ReadonlyMap<string, Buffer>;
}

/** The top directory GitHub's codeload puts in a tarball: `<owner>-<repo>-<first 7 of the commit id>/`. */
export function codeloadPrefix(owner: string, repo: string, commitSha: string): string {
  return `${owner}-${repo}-${commitSha.slice(0, 7)}/`;
}

export function gitArchiveTarGz(input: GitArchiveInput): Buffer {
  return gzipSync(gitArchiveTar(input));
}

const BLOCK = 512;
/** git writes in records of 20 blocks. */
const RECORD = 20 * BLOCK;
const FILE_MODE = 0o664;
const DIRECTORY_MODE = 0o775;
const EXTENDED_HEADER_MODE = 0o666;
/** The largest size an 11-digit octal field holds; beyond it git writes the size as a pax record. */
const MAX_OCTAL_SIZE = 0o77777777777;

interface ArchiveEntry {
  /** Repository path; directories end with '/'. */
  path: string;
  kind: 'file' | 'directory';
  sha: string;
  content: Buffer;
}

export function gitArchiveTar(input: GitArchiveInput): Buffer {
  const { entries, rootTreeSha } = treeEntries(input.files);
  const blocks: Buffer[] = [];
  const globalRecords = paxRecord('comment', Buffer.from(input.commitSha, 'latin1'));
  blocks.push(header({ name: Buffer.from('pax_global_header'), mode: EXTENDED_HEADER_MODE, size: globalRecords.length, typeflag: 'g', mtime: input.mtimeSeconds }));
  blocks.push(padded(globalRecords));
  const all: ArchiveEntry[] = [{ path: '', kind: 'directory', sha: rootTreeSha, content: Buffer.alloc(0) }, ...entries];
  for (const entry of all) blocks.push(...entryBlocks(entry, input.prefix, input.mtimeSeconds));
  const body = Buffer.concat(blocks);
  // git's trailer: zero-fill the current record, and add one more if that left fewer than two zero blocks.
  const used = body.length % RECORD;
  const tail = RECORD - used;
  const trailer = Buffer.alloc(tail + (tail < 2 * BLOCK ? RECORD : 0));
  return Buffer.concat([body, trailer]);
}

/** Every file and directory of the tree with its git object id, in the order git walks the tree. */
function treeEntries(files: ReadonlyMap<string, Buffer>): { entries: ArchiveEntry[]; rootTreeSha: string } {
  /** Directory path ('' for the root) to its files and subdirectory names. */
  const directories = new Map<string, { files: GitTreeEntry[]; subdirectories: Set<string> }>([['', { files: [], subdirectories: new Set() }]]);
  const directory = (path: string) => directories.get(path) ?? directories.set(path, { files: [], subdirectories: new Set() }).get(path)!;
  const entries: ArchiveEntry[] = [];
  for (const [path, content] of files) {
    const sha = gitBlobSha(content);
    entries.push({ path, kind: 'file', sha, content });
    const parts = path.split('/');
    directory(parts.slice(0, -1).join('/')).files.push({ name: parts.at(-1)!, kind: 'file', sha });
    for (let depth = 1; depth < parts.length; depth++) directory(parts.slice(0, depth - 1).join('/')).subdirectories.add(parts[depth - 1]!);
  }
  // Tree ids bottom-up (deepest first): a directory's id needs its subdirectories' ids.
  const treeSha = new Map<string, string>();
  const deepestFirst = [...directories.keys()].sort((a, b) => depthOf(b) - depthOf(a));
  for (const path of deepestFirst) {
    const { files: ownFiles, subdirectories } = directories.get(path)!;
    const subtrees = [...subdirectories].map((name): GitTreeEntry => ({ name, kind: 'directory', sha: treeSha.get(path ? `${path}/${name}` : name)! }));
    treeSha.set(path, gitTreeSha([...ownFiles, ...subtrees]));
    if (path !== '') entries.push({ path: `${path}/`, kind: 'directory', sha: treeSha.get(path)!, content: Buffer.alloc(0) });
  }
  // Byte order of full paths, directories with their '/', is git's depth-first tree order.
  entries.sort((a, b) => Buffer.compare(Buffer.from(a.path, 'utf8'), Buffer.from(b.path, 'utf8')));
  return { entries, rootTreeSha: treeSha.get('')! };
}

function depthOf(path: string): number {
  return path === '' ? 0 : path.split('/').length;
}

function entryBlocks(entry: ArchiveEntry, prefix: string, mtime: number): Buffer[] {
  const path = Buffer.from(`${prefix}${entry.path}`, 'utf8');
  const blocks: Buffer[] = [];
  const extended: Buffer[] = [];
  let name = path;
  let pathPrefix = Buffer.alloc(0);
  if (path.length > 100) {
    const split = pathPrefixLength(path, 155);
    const rest = path.length - split - 1;
    if (split > 0 && rest <= 100) {
      pathPrefix = path.subarray(0, split);
      name = path.subarray(split + 1);
    } else {
      name = Buffer.from(`${entry.sha}.data`);
      extended.push(paxRecord('path', path));
    }
  }
  let size = entry.content.length;
  if (size > MAX_OCTAL_SIZE) {
    extended.push(paxRecord('size', Buffer.from(String(size))));
    size = 0;
  }
  if (extended.length > 0) {
    const records = Buffer.concat(extended);
    blocks.push(header({ name: Buffer.from(`${entry.sha}.paxheader`), mode: EXTENDED_HEADER_MODE, size: records.length, typeflag: 'x', mtime }));
    blocks.push(padded(records));
  }
  const isFile = entry.kind === 'file';
  blocks.push(header({ name, prefix: pathPrefix, mode: isFile ? FILE_MODE : DIRECTORY_MODE, size, typeflag: isFile ? '0' : '5', mtime }));
  if (isFile && entry.content.length > 0) blocks.push(padded(entry.content));
  return blocks;
}

/** git's `get_path_prefix`: the last '/' (ignoring a trailing one) that leaves a prefix shorter than `maxLength`. */
function pathPrefixLength(path: Buffer, maxLength: number): number {
  let index = path.length;
  if (index > 1 && path[index - 1] === 0x2f) index--;
  if (index > maxLength) index = maxLength;
  do index--;
  while (index > 0 && path[index] !== 0x2f);
  return index;
}

/** `<length> <key>=<value>\n`, the length counting its own digits, computed as git does. */
function paxRecord(key: string, value: Buffer): Buffer {
  let length = 1 + 1 + Buffer.byteLength(key) + 1 + value.length + 1;
  for (let power = 1; Math.floor(length / 10) >= power; power *= 10) length++;
  return Buffer.concat([Buffer.from(`${length} ${key}=`), value, Buffer.from('\n')]);
}

interface HeaderFields {
  name: Buffer;
  prefix?: Buffer;
  mode: number;
  size: number;
  typeflag: string;
  mtime: number;
}

function header(fields: HeaderFields): Buffer {
  const block = Buffer.alloc(BLOCK);
  fields.name.copy(block, 0, 0, 100);
  block.write(octal(fields.mode, 7), 100, 'latin1');
  block.write(octal(0, 7), 108, 'latin1');
  block.write(octal(0, 7), 116, 'latin1');
  block.write(octal(fields.size, 11), 124, 'latin1');
  block.write(octal(fields.mtime, 11), 136, 'latin1');
  block.write(fields.typeflag, 156, 'latin1');
  block.write('ustar\u000000', 257, 'latin1');
  block.write('root', 265, 'latin1');
  block.write('root', 297, 'latin1');
  block.write(octal(0, 7), 329, 'latin1');
  block.write(octal(0, 7), 337, 'latin1');
  fields.prefix?.copy(block, 345, 0, 155);
  block.fill(0x20, 148, 156);
  let checksum = 0;
  for (const byte of block) checksum += byte;
  block.fill(0, 148, 156);
  block.write(octal(checksum, 7), 148, 'latin1');
  return block;
}

/** Zero-padded octal digits followed by the NUL the field's last byte holds. */
function octal(value: number, digits: number): string {
  return `${value.toString(8).padStart(digits, '0')}\u0000`;
}

function padded(data: Buffer): Buffer {
  const remainder = data.length % BLOCK;
  return remainder === 0 ? data : Buffer.concat([data, Buffer.alloc(BLOCK - remainder)]);
}
