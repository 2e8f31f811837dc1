import { runCli, type CliIo } from '../../src/cli/scan.js';
import type { ScopesReport } from '../../src/cli/scopes.js';
import { makeProject } from '../cli/temp-project.js';

function fakeIo(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { cwd, env: {}, stdout: { write: (text: string) => out.push(text) }, stderr: { write: (text: string) => err.push(text) }, now: () => 0, writeFile: async () => undefined };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

/** The request in one file, the calls in another: the `scopes` command joins them. */
const AUTH = `import { google } from 'googleapis';
import { CodeChallengeMethod } from 'google-auth-library';
export const client = new google.auth.OAuth2(process.env.ID, process.env.SECRET, 'http://localhost:3000/cb');
export const url = client.generateAuthUrl({ access_type: 'offline', code_challenge: process.env.C, code_challenge_method: CodeChallengeMethod.S256, scope: ['https://mail.google.com/', 'https://www.googleapis.com/auth/calendar'] });
`;
const TOOLS = `import { google } from 'googleapis';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { client } from './auth.js';
const gmail = google.gmail({ version: 'v1', auth: client });
const calendar = google.calendar({ version: 'v3', auth: client });
const server = new McpServer({ name: 'workspace', version: '1.0.0' });
server.tool('search_mail', async () => ({ content: [{ type: 'text', text: JSON.stringify(await gmail.users.messages.list({ userId: 'me', q: 'is:unread' })) }] }));
server.tool('add_event', async () => { await calendar.events.insert({ calendarId: 'primary', requestBody: {} }); return { content: [] }; });
`;

describe('mcp-oauth-guard scopes', () => {
  const project = makeProject({ 'src/auth.ts': AUTH, 'src/tools.ts': TOOLS, 'src/util.ts': 'export const one = 1;\n' });
  afterAll(() => project.cleanup());

  test('text: requested vs needed per provider, the calls behind each needed scope, the change to make', async () => {
    const run = fakeIo(project.root);
    expect(await runCli(['scopes'], run.io)).toBe(0);
    expect(run.stdout()).toBe(
      [
        'Google',
        '  requested at src/auth.ts:4: https://mail.google.com/ calendar',
        '  needed:',
        '    gmail.readonly: gmail users.messages.list (tools: search_mail)',
        '    calendar.events: calendar events.insert (tools: add_event)',
        '  request gmail.readonly instead of https://mail.google.com/',
        '  request calendar.events instead of calendar',
        '',
      ].join('\n'),
    );
  });

  test('json: the same report as data', async () => {
    const run = fakeIo(project.root);
    expect(await runCli(['scopes', 'src', '--format', 'json'], run.io)).toBe(0);
    const report = JSON.parse(run.stdout()) as ScopesReport;
    expect(report.files).toBe(3);
    expect(report.providers.map((provider) => provider.provider)).toEqual(['google']);
    expect(report.providers[0]!.changes).toEqual([
      { scope: 'https://mail.google.com/', kind: 'narrow', replacement: ['https://www.googleapis.com/auth/gmail.readonly'] },
      { scope: 'https://www.googleapis.com/auth/calendar', kind: 'narrow', replacement: ['https://www.googleapis.com/auth/calendar.events'] },
    ]);
    expect(report.providers[0]!.needed.find((item) => item.scope.endsWith('gmail.readonly'))!.calls).toEqual([{ call: 'gmail users.messages.list', file: 'src/tools.ts', line: 7, tools: ['search_mail'] }]);
  });

  test('usage errors exit 2 with a clear message; --help exits 0', async () => {
    const bad = fakeIo(project.root);
    expect(await runCli(['scopes', '--format', 'sarif'], bad.io)).toBe(2);
    expect(bad.stderr()).toContain("--format must be text or json (got 'sarif')");
    const missing = fakeIo(project.root);
    expect(await runCli(['scopes', 'nope'], missing.io)).toBe(2);
    expect(missing.stderr()).toContain('no such file or directory: nope');
    const help = fakeIo(project.root);
    expect(await runCli(['scopes', '--help'], help.io)).toBe(0);
    expect(help.stdout()).toMatch(/^Usage: mcp-oauth-guard scopes/);
  });

  test('a tree with no provider says so', async () => {
    const clean = makeProject({ 'a.ts': 'export const a = 1;\n' });
    const run = fakeIo(clean.root);
    expect(await runCli(['scopes'], run.io)).toBe(0);
    expect(run.stdout()).toBe('No OAuth scope request and no Google, Microsoft Graph, GitHub or Slack API call found in 1 file(s).\n');
    clean.cleanup();
  });
});
