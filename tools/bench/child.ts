/**
 * One measured process: `node build/tools/bench/child.js <job.json>`. It loads the method, reads the
 * files, runs one or more passes timing every file, and writes its figures (with its own peak
 * RSS) to the job's result path. The parent times the whole process from outside.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createAnalyzer, createAnalyzerPool, createEslint, createRawParseWalk, type LoadedFile, type MethodId, type MethodRunner } from './methods.js';
import type { FileTiming } from './stats.js';
import { applyHeapPolicy } from '../../src/heap-policy.js';

export interface ChildJob {
  method: MethodId;
  /** Files in the order they are processed. */
  files: { absolutePath: string; path: string; bytes: number; moduleType: LoadedFile['moduleType'] }[];
  /** 1 = as the CLI runs; 2 = cold then warm, as the long-lived app runs. */
  passes: number;
  resultPath: string;
  cwd: string;
  threads?: number;
  /** The analyzer's file-size limit, raised for the growth check's large files. */
  maxFileBytes?: number;
}

export interface ChildPass {
  /** Wall time of the pass as a whole (for a pool, per-file times overlap). */
  wallMs: number;
  timings: FileTiming[];
}

export interface ChildResult {
  method: MethodId;
  /** From process start to the method being ready (Node bootstrap, imports, setup). */
  readyMs: number;
  readMs: number;
  passes: ChildPass[];
  counters: Record<string, number>;
  /** Rule ids reported per file in the first pass (analyzer methods only). */
  rulesByFile?: Record<string, string[]>;
  /** `process.resourceUsage().maxRSS`, in KiB. */
  maxRssKiB: number;
}

async function createRunner(job: ChildJob): Promise<MethodRunner> {
  switch (job.method) {
    case 'raw':
      return createRawParseWalk();
    case 'analyzer':
      return createAnalyzer(job.maxFileBytes);
    case 'analyzer-pool':
      return createAnalyzerPool(job.threads ?? 2);
    case 'eslint':
      return createEslint(job.cwd);
    case 'eslint-ts':
      return createEslint(job.cwd, 'typescript-eslint');
  }
}

async function main(jobPath: string): Promise<void> {
  const job = JSON.parse(readFileSync(jobPath, 'utf8')) as ChildJob;
  // The analyzer runs under the heap policy its CLI and app apply; the other methods run as they ship.
  if (job.method === 'analyzer' || job.method === 'analyzer-pool') applyHeapPolicy();
  const runner = await createRunner(job);
  const readyMs = performance.now();
  const readStart = performance.now();
  const files: LoadedFile[] = job.files.map((file) => ({ ...file, text: readFileSync(file.absolutePath, 'utf8') }));
  const readMs = performance.now() - readStart;

  const passes: ChildPass[] = [];
  let rulesByFile: Record<string, string[]> | undefined;
  for (let pass = 0; pass < job.passes; pass++) {
    // Counters describe one pass; a later pass repeats the same work.
    for (const key of Object.keys(runner.counters)) if (key !== 'rules' && key !== 'threads') runner.counters[key] = 0;
    runner.startPass?.(files);
    const passStart = performance.now();
    const timings: FileTiming[] = [];
    if (runner.runAll) {
      await runner.runAll(files);
    } else {
      for (const file of files) {
        const start = performance.now();
        await runner.run(file);
        timings.push({ path: file.path, bytes: file.bytes, ms: performance.now() - start });
      }
    }
    passes.push({ wallMs: performance.now() - passStart, timings });
    if (pass === 0 && runner.rulesByFile) rulesByFile = Object.fromEntries(runner.rulesByFile);
  }
  await runner.close?.();
  const result: ChildResult = {
    method: job.method,
    readyMs,
    readMs,
    passes,
    counters: runner.counters,
    ...(rulesByFile ? { rulesByFile } : {}),
    maxRssKiB: process.resourceUsage().maxRSS,
  };
  writeFileSync(job.resultPath, JSON.stringify(result));
}

const jobPath = process.argv[2];
if (!jobPath) {
  process.stderr.write('usage: node build/tools/bench/child.js <job.json>\n');
  process.exit(2);
}
main(jobPath).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
