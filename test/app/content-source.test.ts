import { chooseContentSource, decodeFileBytes, TARBALL_POLICY } from '../../src/app/files.js';

describe('where a PR\'s file contents come from', () => {
  test('one blob is fetched as a blob: a tarball saves nothing', () => {
    expect(chooseContentSource(1, 10)).toBe('blobs');
  });

  test('from two blobs on, a small repository is read from one tarball', () => {
    expect(chooseContentSource(2, 10)).toBe('tarball');
    expect(chooseContentSource(20, 5 * 1024)).toBe('tarball');
  });

  test('the repository may be larger the more blobs the tarball replaces, up to a cap', () => {
    expect(chooseContentSource(20, 8 * 1024)).toBe('blobs');
    expect(chooseContentSource(300, 8 * 1024)).toBe('tarball');
    expect(chooseContentSource(3000, TARBALL_POLICY.maxKb)).toBe('tarball');
    expect(chooseContentSource(3000, TARBALL_POLICY.maxKb + 1)).toBe('blobs');
  });

  test('a repository of unknown size is not downloaded whole', () => {
    expect(chooseContentSource(3000, undefined)).toBe('blobs');
  });
});

describe('file bytes from a tarball', () => {
  test('follow the blob rules: size limit, NUL bytes analysed as text, text', () => {
    expect(decodeFileBytes('a.ts', Buffer.from('x'.repeat(11)), 10)).toMatchObject({ kind: 'skipped', skipped: { reason: 'too-large' } });
    expect(decodeFileBytes('a.ts', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]), 100)).toMatchObject({ kind: 'file' });
    expect(decodeFileBytes('a.ts', Buffer.from('export const a = 1;\n'), 100)).toEqual({ kind: 'file', file: { path: 'a.ts', text: 'export const a = 1;\n' } });
  });
});
