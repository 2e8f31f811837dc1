import { closeSync, openSync, ftruncateSync } from 'node:fs';
import { join } from 'node:path';
import { decodeSource, readSourceFile } from '../../src/cli/read.js';
import { makeProject } from './temp-project.js';

describe('decodeSource', () => {
  test('UTF-8 text, BOM kept for the line hash', () => {
    expect(decodeSource(Buffer.from('\uFEFFconst a = "é";\n'))).toEqual({ ok: true, text: '\uFEFFconst a = "é";\n' });
  });
  test('NUL bytes are analysed as text, with a note (audit #2)', () => {
    expect(decodeSource(Uint8Array.from([0x63, 0x00, 0x64]))).toEqual({ ok: true, text: 'c d', note: 'contains NUL bytes: analysed with each NUL read as a space' });
  });
  test('invalid UTF-8 (Latin-1 bytes) is refused, not mangled', () => {
    expect(decodeSource(Uint8Array.from([0x2f, 0x2f, 0x20, 0xe9, 0x74, 0xe9]))).toEqual({ ok: true, text: '// \uFFFDt\uFFFD', note: 'not valid UTF-8: analysed with the invalid bytes replaced by U+FFFD' });
  });
});

describe('readSourceFile', () => {
  const project = makeProject({ 'small.ts': 'export const x = 1;\n', 'dir.ts/': '' });
  afterAll(() => project.cleanup());

  test('reads a file within the limit', async () => {
    expect(await readSourceFile(join(project.root, 'small.ts'), 1024)).toEqual({ ok: true, text: 'export const x = 1;\n' });
  });

  test('refuses a file over the limit from its size', async () => {
    expect(await readSourceFile(join(project.root, 'small.ts'), 10)).toEqual({ ok: false, message: 'skipped: 20 B is over the 10 B limit (max_file_size)' });
  });

  test('refuses a huge file without reading it (a sparse 5 GiB file could not even fit in a Buffer)', async () => {
    const path = join(project.root, 'huge.js');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 5 * 1024 ** 3);
    closeSync(fd);
    const started = Date.now();
    expect(await readSourceFile(path, 1024 * 1024)).toEqual({ ok: false, message: 'skipped: 5120.0 MB is over the 1.0 MB limit (max_file_size)' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  test('an unreadable path is an error entry, not an exception', async () => {
    expect(await readSourceFile(join(project.root, 'dir.ts'), 1024)).toEqual({ ok: false, message: 'could not be read: is a directory' });
    expect(await readSourceFile(join(project.root, 'gone.ts'), 1024)).toEqual({ ok: false, message: 'could not be read: no such file' });
  });
});
