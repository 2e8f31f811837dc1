import fc from 'fast-check';
import { Analyzer } from '../../src/analyzer/index.js';
import type { FileAnalysis, InputFile } from '../../src/analyzer/types.js';
import { defaultConfig } from '../../src/config/types.js';

/** PR contents are written by whoever opens the PR: every byte is hostile. Nothing may throw out of the analyzer. */

const roomy = { ...defaultConfig(), maxFileBytes: 64 * 1024 * 1024 };
const timings: Array<[string, number]> = [];

function analyzeTimed(name: string, file: InputFile, config = roomy): FileAnalysis {
  const started = performance.now();
  const result = new Analyzer(config).analyzeFile(file);
  timings.push([name, performance.now() - started]);
  return result;
}

/** Every finding must point inside the file. */
function expectInside(result: FileAnalysis, text: string): void {
  const lines = text.split(/\r\n|\r|\n/);
  for (const finding of [...result.findings, ...result.suppressed]) {
    expect(finding.line).toBeGreaterThanOrEqual(1);
    expect(finding.endLine).toBeGreaterThanOrEqual(finding.line);
    expect(finding.endLine).toBeLessThanOrEqual(lines.length);
    expect(finding.column).toBeGreaterThanOrEqual(1);
    expect(finding.column).toBeLessThanOrEqual((lines[finding.line - 1]?.length ?? 0) + 1);
  }
}

const leakyModule = [
  "import pino from 'pino';",
  'const logger = pino();',
  'export async function callback(res: Response) {',
  '  const tokens = await res.json();',
  "  logger.info({ tokens }, 'signed in');",
  '}',
].join('\n');

afterAll(() => {
  const worst = [...timings].sort((a, b) => b[1] - a[1]);
  process.stdout.write(`\nhostile input, analysis time per file:\n${worst.map(([name, ms]) => `  ${ms.toFixed(0).padStart(6)} ms  ${name}`).join('\n')}\n`);
});

describe('hostile input', () => {
  test('a 50 MB file is refused by the default size limit without being parsed', () => {
    const text = 'export const x = 1;\n'.repeat(2_700_000);
    const result = analyzeTimed('50 MB file, default limit', { path: 'src/huge.ts', text }, defaultConfig());
    expect(result.analyzed).toBe(false);
    expect(result.errors[0]!.message).toMatch(/over the 1\.0 MB limit/);
  });

  test('a 200,000-line file is analysed when the limit allows it', () => {
    // Named so that the prefilter lets the token rules run: the parse and the rules are what is measured.
    const text = Array.from({ length: 200_000 }, (_, index) => `export const token${index} = ${index};`).join('\n');
    const result = analyzeTimed('200,000 lines', { path: 'src/generated.ts', text });
    expect(result.analyzed).toBe(true);
    expect(result.findings).toEqual([]);
  });

  test('a minified bundle on one line still yields findings with the right column', () => {
    const text = 'var a=1;'.repeat(50_000) + 'fetch("https://example.com/oauth/token",{method:"POST"}).then(function(r){return r.json()}).then(function(t){console.log(t.access_token)});';
    const result = analyzeTimed('minified single line (400 KB)', { path: 'dist-like/bundle.min.js', text });
    expect(result.analyzed).toBe(true);
    expectInside(result, text);
  });

  test('expressions nested 10,000 deep', () => {
    const text = `export const x = ${'['.repeat(10_000)}${']'.repeat(10_000)};\nconsole.log(process.env);`;
    const result = analyzeTimed('nesting 10,000 deep', { path: 'src/deep.ts', text });
    expect(result.analyzed || result.errors.length > 0).toBe(true);
    expectInside(result, text);
  });

  test.each([
    ['binary content with a .ts name', 'src/logo.ts', '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR'],
    ['invalid UTF-8 decoded to replacement characters', 'src/latin1.ts', 'const caf\uFFFD = "\uFFFD\uFFFD";\nconsole.log(caf\uFFFD);'],
    ['a BOM', 'src/bom.ts', '\uFEFF' + leakyModule],
    ['CRLF line endings', 'src/crlf.ts', leakyModule.replace(/\n/g, '\r\n')],
    ['lone CR line endings', 'src/cr.ts', leakyModule.replace(/\n/g, '\r')],
    ['an empty file', 'src/empty.ts', ''],
    ['only comments', 'src/comments.ts', '// nothing here\n/* still nothing */\n/** docs */'],
    ['syntax errors everywhere', 'src/broken.ts', ')))} function ( { const = ; class { ] ' + leakyModule + ' <<< >>> @@@'],
    ['JSX in a .js file', 'src/view.js', 'export const View = ({ token }) => <div title={token}>{console.log(token)}</div>;'],
    ['a declaration file', 'src/types.d.ts', 'export declare const accessToken: string;\ndeclare function log(token: string): void;'],
    ['unicode and spaces in the path', 'src/mes fichiers/ümlaut 🚀.ts', leakyModule],
  ])('%s', (name, path, text) => {
    const result = analyzeTimed(name, { path, text });
    expect(result.file).toBe(path);
    expectInside(result, text.replace(/^\uFEFF/, ''));
    if (!result.analyzed) expect(result.errors.length).toBeGreaterThan(0);
  });

  test('line endings do not move findings', () => {
    const lf = new Analyzer(roomy).analyzeFile({ path: 'a.ts', text: leakyModule });
    const crlf = new Analyzer(roomy).analyzeFile({ path: 'a.ts', text: leakyModule.replace(/\n/g, '\r\n') });
    const cr = new Analyzer(roomy).analyzeFile({ path: 'a.ts', text: leakyModule.replace(/\n/g, '\r') });
    const positions = (result: FileAnalysis) => result.findings.map((finding) => [finding.ruleId, finding.line, finding.column]);
    expect(positions(crlf)).toEqual(positions(lf));
    expect(positions(cr)).toEqual(positions(lf));
  });
});

describe('property-based: the analyzer always returns and findings point inside the file', () => {
  const analyzer = new Analyzer(roomy);
  const fragments = [
    leakyModule,
    "const url = new URL('https://github.com/login/oauth/authorize'); url.searchParams.set('scope', 'repo');",
    "fs.writeFileSync('tokens.json', JSON.stringify({ refresh_token }));",
    "if (body.grant_type === 'refresh_token') { return { refresh_token: body.refresh_token }; }",
    '`${', '})', '/*', '"', "'", '<div>', '=>', '\r', '\u2028', '\uFFFD', '\u0000',
  ];

  test('random text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const result = analyzer.analyzeFile({ path: 'random.ts', text });
        expectInside(result, text);
      }),
      { numRuns: 300 },
    );
  });

  test('mutated real-looking sources', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...fragments), { minLength: 1, maxLength: 12 }),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 20 }), fc.constantFrom('', '(', '{', '`', '\n', ';')), { maxLength: 6 }),
        (parts, mutations) => {
          let text = parts.join('\n');
          for (const [at, length, insert] of mutations) {
            const position = text.length ? at % text.length : 0;
            text = text.slice(0, position) + insert + text.slice(position + length);
          }
          const result = analyzer.analyzeFile({ path: 'mutated.ts', text });
          expectInside(result, text);
        },
      ),
      { numRuns: 300 },
    );
  });
});
