import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { gitBlobSha, looksBinary, unifiedPatch } from '../support/simulator/git-objects.js';

/** Applies GitHub-style hunks to `before`; the inverse of what the diff promises. */
function applyPatch(before: string, patch: string): string {
  const oldLines = before === '' ? [] : before.replace(/\n$/, '').split('\n');
  const result: string[] = [];
  let cursor = 0;
  const lines = patch.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const header = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(lines[index]!);
    if (!header) throw new Error(`Expected a hunk header, got '${lines[index]}'`);
    const oldStart = Number(header[1]);
    const oldCount = header[2] === undefined ? 1 : Number(header[2]);
    const hunkStart = oldCount === 0 ? oldStart : oldStart - 1;
    while (cursor < hunkStart) result.push(oldLines[cursor++]!);
    while (index + 1 < lines.length && !lines[index + 1]!.startsWith('@@')) {
      const line = lines[++index]!;
      if (line.startsWith('+')) result.push(line.slice(1));
      else if (line.startsWith('-')) cursor++;
      else {
        expect(oldLines[cursor]).toBe(line.slice(1));
        result.push(oldLines[cursor++]!);
      }
    }
  }
  while (cursor < oldLines.length) result.push(oldLines[cursor++]!);
  return result.length === 0 ? '' : `${result.join('\n')}\n`;
}

function gitAvailable(): boolean {
  try {
    execFileSync('git', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('git object ids', () => {
  it('computes the blob id git computes', () => {
    // `printf 'hello\n' | git hash-object --stdin`
    expect(gitBlobSha(Buffer.from('hello\n'))).toBe('ce013625030ba8dba906f756967f9e9ca394464a');
    expect(gitBlobSha(Buffer.alloc(0))).toBe('e69de29bb2d1d6434b8b29ae775ad8c2e48c5391');
  });

  it('calls a file with a NUL byte binary, and source text not', () => {
    expect(looksBinary(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x1a]))).toBe(true);
    expect(looksBinary(Buffer.from('export const scope = "read:user";\n'))).toBe(false);
  });
});

describe('unified patches', () => {
  it('shows an added file as one hunk of additions, as GitHub does', () => {
    const { patch, additions, deletions } = unifiedPatch(undefined, 'a\nb\nc\n');
    expect(patch).toBe('@@ -0,0 +1,3 @@\n+a\n+b\n+c');
    expect([additions, deletions]).toEqual([3, 0]);
  });

  it('shows a removed file as one hunk of deletions', () => {
    expect(unifiedPatch('x\ny\n', undefined).patch).toBe('@@ -1,2 +0,0 @@\n-x\n-y');
  });

  it('has no patch when nothing changed', () => {
    expect(unifiedPatch('same\n', 'same\n')).toEqual({ patch: '', additions: 0, deletions: 0 });
  });

  const maybe = gitAvailable() ? it : it.skip;
  maybe('matches the hunks of git diff for a modified file', () => {
    const before = Array.from({ length: 30 }, (_, index) => `line ${index + 1}`).join('\n') + '\n';
    const after = before
      .replace('line 3\n', 'line three\n')
      .replace('line 20\n', '')
      .replace('line 28\n', 'line 28\ninserted\n');
    const directory = mkdtempSync(path.join(tmpdir(), 'sim-diff-'));
    try {
      writeFileSync(path.join(directory, 'before'), before);
      writeFileSync(path.join(directory, 'after'), after);
      let gitOutput = '';
      try {
        execFileSync('git', ['diff', '--no-index', '--no-color', '-U3', 'before', 'after'], { cwd: directory, encoding: 'utf8' });
      } catch (error) {
        gitOutput = (error as { stdout: string }).stdout; // exit code 1 means "differs"
      }
      const gitHunks = gitOutput.slice(gitOutput.indexOf('@@')).trimEnd();
      expect(unifiedPatch(before, after).patch).toBe(gitHunks);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('produces hunks that turn the old text into the new one', () => {
    const lines = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'const token = x;', ''), { maxLength: 40 });
    const text = lines.map((parts) => (parts.length === 0 ? '' : `${parts.join('\n')}\n`));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const { patch, additions, deletions } = unifiedPatch(before, after);
        if (before === after) return patch === '';
        expect(applyPatch(before, patch)).toBe(after);
        expect(additions).toBe(patch.split('\n').filter((line) => line.startsWith('+')).length);
        expect(deletions).toBe(patch.split('\n').filter((line) => line.startsWith('-')).length);
        return true;
      }),
      { numRuns: 300 },
    );
  });
});
