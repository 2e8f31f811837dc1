/** Turns a folder on disk (e.g. `examples/vulnerable-server`) into the changes of a pull request. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FileChange } from './world.js';

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', 'dist', 'build', 'lib']);

export interface FolderChangesOptions {
  /** Prefix for the paths in the PR, e.g. `servers/github-tools/`. Default: the paths relative to the folder. */
  pathPrefix?: string;
}

/** Every file under `folder` as an added file, in a stable order. */
export function addedFilesFromFolder(folder: string, options: FolderChangesOptions = {}): FileChange[] {
  const prefix = options.pathPrefix ?? '';
  return listFiles(folder).map((relative) => ({
    status: 'added' as const,
    filename: `${prefix}${relative}`,
    content: readFileSync(path.join(folder, relative)),
  }));
}

function listFiles(root: string, relative = ''): string[] {
  const entries = readdirSync(path.join(root, relative), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  const files: string[] = [];
  for (const entry of entries) {
    const child = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) files.push(...listFiles(root, child));
    } else if (entry.isFile()) {
      files.push(child);
    }
  }
  return files;
}
