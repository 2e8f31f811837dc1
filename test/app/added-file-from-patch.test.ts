import { contentOfAddedFile } from '../../src/app/files.js';
import type { ListedFile } from '../../src/app/github/client.js';

/** An added file's patch is the whole file: the app reads it from there and saves a blob request. */
const listed = (patch: string | undefined, status = 'added'): ListedFile => ({ path: 'src/a.ts', status, patch, changes: 0, sha: 'a'.repeat(40) });

describe('contentOfAddedFile', () => {
  test('rebuilds the file, with its final newline', () => {
    expect(contentOfAddedFile(listed('@@ -0,0 +1,3 @@\n+import x from "y";\n+\n+export const a = x;'))).toBe('import x from "y";\n\nexport const a = x;\n');
  });

  test('keeps a missing final newline and CRLF line endings', () => {
    expect(contentOfAddedFile(listed('@@ -0,0 +1,2 @@\n+a;\r\n+b;\n\\ No newline at end of file'))).toBe('a;\r\nb;');
  });

  test('reads a one-line file, whose header has no count', () => {
    expect(contentOfAddedFile(listed('@@ -0,0 +1 @@\n+export {};'))).toBe('export {};\n');
  });

  test.each([
    ['a modified file', listed('@@ -0,0 +1 @@\n+x', 'modified')],
    ['no patch (binary, or a diff too large for GitHub to show)', listed(undefined)],
    ['a line count that does not match the header', listed('@@ -0,0 +1,3 @@\n+a\n+b')],
    ['a hunk that is not the whole file', listed('@@ -1,2 +1,3 @@\n a\n+b\n c')],
    ['an empty added file', listed('@@ -0,0 +0,0 @@')],
  ])('leaves %s to the blob', (_name, file) => {
    expect(contentOfAddedFile(file)).toBeUndefined();
  });
});
