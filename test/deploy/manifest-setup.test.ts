import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '../support/simulator/app-process.js';

/**
 * `npm start` without credentials, outside production, serves Probot's manifest setup flow built
 * from app.yml, so a new user can register the app from the browser (issue 3).
 */
describe('npm start without credentials', () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    child?.kill('SIGTERM');
  });

  test("serves the setup page with this app's manifest from app.yml", async () => {
    const port = await freePort();
    // Only PATH and PORT: no APP_ID, no key, no NODE_ENV=production.
    child = spawn(process.execPath, ['node_modules/probot/bin/probot.js', 'run', './lib/app/index.js'], {
      env: { PATH: process.env.PATH ?? '', PORT: String(port), HOME: process.cwd() },
      stdio: 'ignore',
    });
    const base = `http://127.0.0.1:${port}`;
    let root: Response | undefined;
    for (let attempt = 0; attempt < 100 && !root; attempt++) {
      root = await fetch(`${base}/`, { redirect: 'manual' }).catch(() => undefined);
      if (!root) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(root?.status).toBe(302);
    expect(root?.headers.get('location')).toMatch(/\/probot$/);
    const page = await (await fetch(`${base}/probot`)).text();
    expect(page).toContain('MCP OAuth Guard');
    expect(page).toContain('default_permissions');
  });
});
