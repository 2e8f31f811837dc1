#!/usr/bin/env node
import { writeFile } from 'node:fs/promises';
import { runCli } from './scan.js';
import { applyHeapPolicy } from '../heap-policy.js';

// Bounded heap growth: a large scan's peak memory no longer depends on when V8 happens to collect.
applyHeapPolicy();

// A reader that stops early (`| head`) closes the pipe: stop quietly, as other CLIs do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

// `mcp-oauth-guard worker`: the queue-mode analysis worker (docs/app.md), a long-running process
// with its own exit handling; loaded only when asked for, so `scan` never loads BullMQ.
if (process.argv[2] === 'worker') {
  await (await import('../queue/worker-process.js')).main();
}

// Thin entry: real process I/O in, exit code out. Setting exitCode (not exit()) lets stdout drain.
else runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  now: () => performance.now(),
  writeFile: (path, text) => writeFile(path, text, 'utf8'),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`mcp-oauth-guard: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
