import { execFileSync } from 'node:child_process';

/**
 * Tests that run the CLI, the app server or the worker pool need the compiled `lib/`:
 * build it once per `npm test`. Type errors fail the run under CI; locally they are
 * printed and the emitted output is still used, so one broken file does not stop every test.
 */
export default function globalSetup() {
  try {
    execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'pipe' });
  } catch (error) {
    const output = `${error.stdout ?? ''}${error.stderr ?? ''}`;
    if (process.env.CI) throw new Error(`npm test: the build (tsc -p tsconfig.build.json) failed:\n${output}`);
    process.stderr.write(`\nwarning: the build reported errors (tests use what was emitted):\n${output}\n`);
  }
}
