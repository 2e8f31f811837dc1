import { lineHashes } from '../../src/report/fingerprint.js';

// Expected values are codeql-action's own test vectors (src/fingerprints.test.ts), so alerts
// uploaded from this tool match alerts whose hashes the upload action computed.
describe('primaryLocationLineHash as codeql-action computes it', () => {
  test('an empty file has one line', () => {
    expect([...lineHashes('').entries()]).toEqual([[1, 'c129715d7a2bc9a3:1']]);
  });

  test('whitespace at line starts is skipped', () => {
    expect([...lineHashes(' a\nb\n  \t\tc\n d').values()]).toEqual(['271789c17abda88f:1', '54703d4cd895b18:1', '180aee12dab6264:1', 'a23a3dc5e078b07b:1']);
  });

  const expected = ['e9496ae3ebfced30:1', 'fb7c023a8b9ccb3f:1', 'ce8ba1a563dcdaca:1', 'e20e36e16fcb0cc8:1', 'b3edc88f2938467e:1', 'c8e28b0b4002a3a0:1', 'c129715d7a2bc9a3:1'];
  test.each([
    ['LF', ' hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n'],
    ['CR', ' hello; \t\nworld!!!\r\r\r  \t\tGreetings\r End\r'],
    ['CRLF', ' hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n'],
    ['mixed', ' hello; \t\nworld!!!\r\n\n\r  \t\tGreetings\r End\r\n'],
  ])('%s line endings give the same hashes', (_name, text) => {
    const hashes = lineHashes(text);
    expect([...hashes.keys()]).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect([...hashes.values()]).toEqual(expected);
  });

  test('identical lines are told apart by an occurrence suffix', () => {
    expect([...lineHashes('Lorem ipsum dolor sit amet.\n'.repeat(10)).values()]).toEqual([
      'a7f2ff13bc495cf2:1', 'a7f2ff13bc495cf2:2', 'a7f2ff13bc495cf2:3', 'a7f2ff13bc495cf2:4', 'a7f2ff13bc495cf2:5',
      'a7f2ff13bc495cf2:6', 'a7f2ff1481e87703:1', 'a9cf91f7bbf1862b:1', '55ec222b86bcae53:1', 'cc97dc7b1d7d8f7b:1', 'c129715d7a2bc9a3:1',
    ]);
  });
});
