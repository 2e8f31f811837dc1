/** Git object ids and unified diffs, computed the way git computes them, so the simulator's PRs look real. */
import { createHash } from 'node:crypto';

// Object ids live in the shared module (the app verifies archive contents with them); re-exported for old importers.
export { gitBlobSha } from '../../../src/git-object-id.js';

/** A stable commit-like id for a set of changes (the simulator has no commits, only their ids). */
export function syntheticCommitSha(...parts: string[]): string {
  return createHash('sha1').update(`commit\0${parts.join('\0')}`).digest('hex');
}

/** GitHub sends no `patch` for binary files; git calls a file binary when it has a NUL byte early on. */
export function looksBinary(content: Buffer): boolean {
  return content.subarray(0, 8000).includes(0);
}

export interface PatchStats {
  patch: string;
  additions: number;
  deletions: number;
}

const CONTEXT_LINES = 3;

/**
 * The hunks of a unified diff from `before` to `after` (no `---`/`+++` header, as GitHub's `patch` field has it).
 * `undefined` content stands for a file that does not exist on that side.
 */
export function unifiedPatch(before: string | undefined, after: string | undefined): PatchStats {
  const oldLines = splitLines(before);
  const newLines = splitLines(after);
  const edits = diffLines(oldLines, newLines);
  const additions = edits.filter((edit) => edit.kind === '+').length;
  const deletions = edits.filter((edit) => edit.kind === '-').length;
  if (additions === 0 && deletions === 0) return { patch: '', additions, deletions };

  const hunks: string[] = [];
  let index = 0;
  while (index < edits.length) {
    while (index < edits.length && edits[index]!.kind === ' ') index++;
    if (index >= edits.length) break;
    let start = Math.max(0, index - CONTEXT_LINES);
    // Extend the hunk while the next change is within 2 * context lines of the current one.
    let end = index;
    let lastChange = index;
    while (end < edits.length) {
      if (edits[end]!.kind !== ' ') lastChange = end;
      else if (end - lastChange > 2 * CONTEXT_LINES) break;
      end++;
    }
    end = Math.min(edits.length, lastChange + CONTEXT_LINES + 1);
    const slice = edits.slice(start, end);
    const first = edits[start]!;
    const oldCount = slice.filter((edit) => edit.kind !== '+').length;
    const newCount = slice.filter((edit) => edit.kind !== '-').length;
    const oldStart = oldCount === 0 ? first.oldLine - 1 : first.oldLine;
    const newStart = newCount === 0 ? first.newLine - 1 : first.newLine;
    const heading = sectionHeading(oldLines, first.oldLine);
    const header = `@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@${heading ? ` ${heading}` : ''}`;
    hunks.push([header, ...slice.map((edit) => `${edit.kind}${edit.text}`)].join('\n'));
    index = end;
    start = end;
  }
  return { patch: hunks.join('\n'), additions, deletions };
}

/** Git's default hunk heading: the last line before the hunk that starts with a letter, `$` or `_` (max 80 bytes). */
function sectionHeading(oldLines: string[], hunkFirstOldLine: number): string | undefined {
  for (let line = hunkFirstOldLine - 1; line >= 1; line--) {
    const text = oldLines[line - 1]!;
    if (/^[A-Za-z$_]/.test(text)) return Buffer.from(text).subarray(0, 80).toString('utf8').trimEnd();
  }
  return undefined;
}

function range(start: number, count: number): string {
  return count === 1 ? String(start) : `${start},${count}`;
}

function splitLines(text: string | undefined): string[] {
  if (text === undefined || text === '') return [];
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

interface LineEdit {
  kind: ' ' | '+' | '-';
  text: string;
  /** 1-based line in the old file at this edit (for '+' the line before which it is inserted). */
  oldLine: number;
  newLine: number;
}

/** Myers' O(ND) diff over lines. */
function diffLines(oldLines: string[], newLines: string[]): LineEdit[] {
  const n = oldLines.length;
  const m = newLines.length;
  const max = n + m;
  const offset = max + 1;
  const frontier = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = max === 0;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(frontier.slice());
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && frontier[offset + k - 1]! < frontier[offset + k + 1]!)
          ? frontier[offset + k + 1]!
          : frontier[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && oldLines[x] === newLines[y]) {
        x++;
        y++;
      }
      frontier[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  trace.push(frontier.slice());

  // Walk the trace backwards to recover the edit script.
  const reversed: LineEdit[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 2; d >= 0; d--) {
    const previous = trace[d]!;
    const k = x - y;
    const previousK =
      k === -d || (k !== d && previous[offset + k - 1]! < previous[offset + k + 1]!) ? k + 1 : k - 1;
    const previousX = previous[offset + previousK]!;
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      reversed.push({ kind: ' ', text: oldLines[x - 1]!, oldLine: x, newLine: y });
      x--;
      y--;
    }
    if (d === 0) break;
    if (x === previousX) {
      reversed.push({ kind: '+', text: newLines[y - 1]!, oldLine: x + 1, newLine: y });
      y--;
    } else {
      reversed.push({ kind: '-', text: oldLines[x - 1]!, oldLine: x, newLine: y + 1 });
      x--;
    }
  }
  while (x > 0 && y > 0) {
    reversed.push({ kind: ' ', text: oldLines[x - 1]!, oldLine: x, newLine: y });
    x--;
    y--;
  }
  return reversed.reverse();
}
