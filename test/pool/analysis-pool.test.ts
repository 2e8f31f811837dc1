import { Analyzer } from '../../src/analyzer/index.js';
import { defaultConfig } from '../../src/config/types.js';
import { AnalysisPool } from '../../src/pool/analysis-pool.js';

const config = defaultConfig();
const sample = (index: number) => ({
  path: `src/tool-${index}.ts`,
  text: `export async function callback(res: Response) {\n  const tokens = await res.json();\n  console.error('got', tokens.access_token);\n  return ${index};\n}\n`,
});

describe('AnalysisPool', () => {
  let pool: AnalysisPool;
  afterEach(async () => {
    await pool?.close();
  });

  test('gives the same result as analysing in process, in input order', async () => {
    pool = new AnalysisPool({ threads: 2 });
    const files = Array.from({ length: 6 }, (_, index) => sample(index));
    const pooled = await pool.analyzeAll(files, config);
    const direct = files.map((file) => new Analyzer(config).analyzeFile(file));
    expect(pooled.findings).toEqual(direct.flatMap((analysis) => analysis.findings));
    expect(pooled.stats).toEqual({ files: 6, analyzed: 6 });
  });

  test('a file over its time budget is skipped and named, and the next file is still analysed', async () => {
    pool = new AnalysisPool({ threads: 2, fileBudgetMs: 1000 });
    await pool.warmUp();
    const huge = { path: 'src/huge.ts', text: 'const a = { token: [1, 2, 3], c: `x${y}` };\n'.repeat(400_000) };
    const result = await pool.analyzeAll([huge, sample(1)], { ...config, maxFileBytes: 100 * 1024 * 1024 });
    expect(result.errors).toEqual([{ file: 'src/huge.ts', message: expect.stringMatching(/longer than the 1 s per-file budget/), fatal: true }]);
    expect(result.stats.analyzed).toBe(1);
    // The pool replaced the stopped worker and keeps serving.
    const after = await pool.analyzeAll([sample(2), sample(3)], config);
    expect(after.stats.analyzed).toBe(2);
  });

  test('a worker that runs out of memory is replaced and the run completes', async () => {
    pool = new AnalysisPool({ threads: 2, workerHeapMb: 192, fileBudgetMs: 60_000 });
    await pool.warmUp();
    const huge = { path: 'src/bundle.js', text: 'var a=[' + '{"token":"v"},'.repeat(4_000_000) + '];' };
    const result = await pool.analyzeAll([huge, sample(2)], { ...config, maxFileBytes: 100 * 1024 * 1024 });
    expect(result.errors).toEqual([{ file: 'src/bundle.js', message: expect.stringMatching(/worker failed/), fatal: true }]);
    expect(result.stats.analyzed).toBe(1);
  });
});
