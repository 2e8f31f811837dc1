import { ts } from 'ts-morph';
import { createRandom, generateBigPr } from '../../tools/bench/big-pr.js';

describe('generated big PR', () => {
  const files = generateBigPr(400, 7);

  it('is the same for the same seed and different for another', () => {
    expect(generateBigPr(400, 7)).toEqual(files);
    expect(generateBigPr(400, 8).map((file) => file.text)).not.toEqual(files.map((file) => file.text));
  });

  it('has unique paths in TS and JS, ESM and CommonJS', () => {
    expect(new Set(files.map((file) => file.path)).size).toBe(files.length);
    const extensions = new Set(files.map((file) => file.path.slice(file.path.lastIndexOf('.'))));
    expect([...extensions].sort()).toEqual(['.cjs', '.mjs', '.ts']);
  });

  it('generates code that parses without syntax errors', () => {
    const broken = files.filter((file) => {
      const kind = file.path.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS;
      const sourceFile = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.ES2022, false, kind);
      return ((sourceFile as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics ?? []).length > 0;
    });
    expect(broken.map((file) => file.path)).toEqual([]);
  });

  it('plants every kind of OAuth mistake in a minority of files, next to clean ones', () => {
    const kinds = new Set(files.flatMap((file) => file.mistakes));
    expect([...kinds].sort()).toEqual(['broad-scope', 'missing-pkce', 'plaintext-token-storage', 'refresh-token-not-rotated', 'token-logged']);
    const withMistakes = files.filter((file) => file.mistakes.length > 0).length;
    expect(withMistakes).toBeGreaterThan(files.length * 0.05);
    expect(withMistakes).toBeLessThan(files.length * 0.4);
    expect(files.some((file) => file.mistakes.length === 0 && /code_challenge_method/.test(file.text))).toBe(true);
  });

  it('draws uniformly from the seeded generator', () => {
    const random = createRandom(1);
    const draws = Array.from({ length: 10_000 }, () => random.int(1, 4));
    for (const value of [1, 2, 3, 4]) {
      const share = draws.filter((draw) => draw === value).length / draws.length;
      expect(share).toBeGreaterThan(0.22);
      expect(share).toBeLessThan(0.28);
    }
  });
});
