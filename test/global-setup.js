import { execFileSync } from 'node:child_process';

/**
 * Tests that run the CLI, the app server or the worker pool need the compiled `lib/`; tests that
 * spawn the GitHub simulator need it compiled too (`build/`, tsconfig.tools.json, which also holds
 * bench/demo/soak). Build both once per `npm test`. Type errors fail the run under CI; locally they
 * are printed and the emitted output is still used, so one broken file does not stop every test.
 */
export default function globalSetup() {
  for (const project of ['tsconfig.build.json', 'tsconfig.tools.json']) {
    try {
      execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', project], { stdio: 'pipe' });
    } catch (error) {
      const output = `${error.stdout ?? ''}${error.stderr ?? ''}`;
      if (process.env.CI) throw new Error(`npm test: the build (tsc -p ${project}) failed:\n${output}`);
      process.stderr.write(`\nwarning: the build (tsc -p ${project}) reported errors (tests use what was emitted):\n${output}\n`);
    }
  }
}
