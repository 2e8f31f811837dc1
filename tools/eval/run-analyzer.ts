/**
 * Runs the analyzer over files in a worker thread with a per-file time budget: a file that runs
 * past it is reported as an error, the worker is replaced, and the run goes on with the next file.
 */
import { Worker } from 'node:worker_threads';
import type { FileAnalysis, InputFile } from '../../src/analyzer/index.js';
import type { WorkerReply, WorkerRequest } from './analyze-worker.js';

export interface TimedAnalysis {
  analysis: FileAnalysis;
  milliseconds: number;
  timedOut: boolean;
}

export class BudgetedAnalyzer {
  private worker: Worker | undefined;
  private ready: Promise<void> | undefined;
  private nextId = 0;
  /** The package being analysed: sent to each worker before its files, so imports between them are followed. */
  private projectFiles: InputFile[] = [];

  constructor(private readonly budgetMs: number) {}

  /** The files of the package whose files are analysed next. */
  setProject(files: InputFile[]): void {
    this.projectFiles = files;
    this.worker?.postMessage({ type: 'project', files } satisfies WorkerRequest);
  }

  private start(): Promise<void> {
    if (this.ready) return this.ready;
    const worker = new Worker(new URL('./analyze-worker.js', import.meta.url));
    this.worker = worker;
    this.ready = new Promise<void>((resolve, reject) => {
      const onMessage = (reply: WorkerReply) => {
        if (reply.type !== 'ready') return;
        worker.off('message', onMessage);
        worker.off('error', reject);
        worker.postMessage({ type: 'project', files: this.projectFiles } satisfies WorkerRequest);
        resolve();
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
    return this.ready;
  }

  async analyze(file: InputFile): Promise<TimedAnalysis> {
    await this.start();
    const worker = this.worker!;
    const id = this.nextId++;
    const started = performance.now();
    return new Promise<TimedAnalysis>((resolve) => {
      const finish = (result: TimedAnalysis) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        resolve(result);
      };
      const failed = (message: string, timedOut: boolean): TimedAnalysis => ({
        analysis: { file: file.path, findings: [], suppressed: [], errors: [{ file: file.path, message, fatal: true }], analyzed: false },
        milliseconds: performance.now() - started,
        timedOut,
      });
      const onMessage = (reply: WorkerReply) => {
        if (reply.type === 'result' && reply.id === id) finish({ analysis: reply.analysis, milliseconds: reply.milliseconds, timedOut: false });
      };
      const onError = (error: Error) => {
        this.discardWorker();
        finish(failed(`the analyzer's worker crashed: ${error.message}`, false));
      };
      const timer = setTimeout(() => {
        this.discardWorker();
        finish(failed(`not analysed: over the per-file budget of ${this.budgetMs} ms (stopped)`, true));
      }, this.budgetMs);
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.postMessage({ type: 'analyze', id, file } satisfies WorkerRequest);
    });
  }

  private discardWorker(): void {
    void this.worker?.terminate();
    this.worker = undefined;
    this.ready = undefined;
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = undefined;
    this.ready = undefined;
  }
}
