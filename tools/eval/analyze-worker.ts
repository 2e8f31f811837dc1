/**
 * Worker thread of the evaluation: runs the pure analyzer (default options, every rule) on one
 * file per message, so the main thread can stop a file that runs past its time budget.
 */
import { parentPort } from 'node:worker_threads';
import { Analyzer, Project, type FileAnalysis, type InputFile } from '../../src/analyzer/index.js';

/** A package's files (its imports between them are followed), then one file of it per request. */
export type WorkerRequest = { type: 'project'; files: InputFile[] } | { type: 'analyze'; id: number; file: InputFile };
export type WorkerReply = { type: 'ready' } | { type: 'result'; id: number; analysis: FileAnalysis; milliseconds: number };

const port = parentPort;
if (!port) throw new Error('analyze-worker must run as a worker thread');
const analyzer = new Analyzer();
let project: Project | undefined;

port.on('message', (request: WorkerRequest) => {
  if (request.type === 'project') {
    project = Project.of(request.files);
    return;
  }
  const { id, file } = request;
  const started = performance.now();
  let analysis: FileAnalysis;
  try {
    analysis = analyzer.analyzeFile(file, project);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    analysis = { file: file.path, findings: [], suppressed: [], errors: [{ file: file.path, message: `analysis failed: ${message}`, fatal: true }], analyzed: false };
  }
  port.postMessage({ type: 'result', id, analysis, milliseconds: performance.now() - started } satisfies WorkerReply);
});
port.postMessage({ type: 'ready' } satisfies WorkerReply);
