import { Parser } from '../../src/analyzer/engine/parse.js';
import { ValueResolver } from '../../src/analyzer/engine/values.js';
import { walkFile } from '../../src/analyzer/engine/walk.js';
import { findApiCalls } from '../../src/analyzer/models/api-calls.js';

/** Each snippet's calls as 'provider api method' (or 'provider ? reason') with the tools that reach them. */
function calls(text: string, path = 'server.ts'): string[] {
  const { sourceFile } = new Parser().parse(path, text);
  const values = new ValueResolver(walkFile(sourceFile, new Set()));
  return findApiCalls(sourceFile, values).calls.map((call) => {
    const what = call.entry ? `${call.provider} ${call.entry.api} ${call.entry.method}` : `${call.provider} ? ${call.unresolved}`;
    return call.tools.length ? `${what} <- ${call.tools.join(',')}` : what;
  });
}

describe('googleapis resource chains', () => {
  test('direct, aliased, destructured and through a class field', () => {
    expect(calls(`
      import { google } from 'googleapis';
      const gmail = google.gmail({ version: 'v1', auth });
      const messages = gmail.users.messages;
      const { threads } = gmail.users;
      class Mail { private cal = google.calendar('v3'); list() { return this.cal.events.list({ calendarId: 'primary' }); } }
      export async function run() {
        await gmail.users.labels.list({ userId: 'me' });
        await messages.send({ userId: 'me' });
        await threads.get({ userId: 'me', id: '1' });
        await google.drive({ version: 'v3' }).files.list({});
      }
    `)).toEqual([
      'google calendar:v3 events.list',
      'google gmail:v1 users.labels.list',
      'google gmail:v1 users.messages.send',
      'google gmail:v1 users.threads.get',
      'google drive:v3 files.list',
    ]);
  });

  test('a method chosen at run time is unresolved; a version the map does not hold is unresolved', () => {
    expect(calls(`
      import { google } from 'googleapis';
      const gmail = google.gmail('v1');
      export const f = (name: string) => gmail.users.messages[name]({ userId: 'me' });
      export const g = () => google.drive('v2').files.list({});
    `)).toEqual(["google ? 'gmail users.messages.[…]' names its method at run time", "google ? API 'drive:v2' is not in the vendored map"]);
  });
});

describe('Octokit', () => {
  test('rest methods, old-style methods, request routes (templated and concrete) and paginate references', () => {
    expect(calls(`
      import { Octokit } from '@octokit/rest';
      const octokit = new Octokit({ auth });
      export async function run(owner: string, repo: string) {
        await octokit.rest.pulls.create({ owner, repo, head: 'a', base: 'b' });
        await octokit.issues.createComment({ owner, repo, issue_number: 1, body: 'x' });
        await octokit.request('GET /repos/{owner}/{repo}/contents/{path}', { owner, repo, path: 'a' });
        await octokit.request(\`DELETE /repos/\${owner}/\${repo}\`);
        await octokit.paginate(octokit.rest.repos.listForAuthenticatedUser);
        await octokit.graphql('{ viewer { login } }');
      }
    `)).toEqual([
      'github rest pulls.create',
      'github rest issues.createComment',
      'github rest repos.getContent',
      'github rest repos.delete',
      'github ? a GraphQL query: its scopes are not in the map',
      'github rest repos.listForAuthenticatedUser',
    ]);
  });
});

describe('Microsoft Graph', () => {
  test('client.api(path) with query builders and each verb; /users/{id} paths fall back to /me', () => {
    expect(calls(`
      import { Client } from '@microsoft/microsoft-graph-client';
      const client = Client.init({ authProvider });
      export async function run(id: string) {
        await client.api('/me/messages').select('subject').top(10).get();
        await client.api(\`/me/messages/\${id}\`).update({ isRead: true });
        await client.api('/me/sendMail').post({ message });
        await client.api(\`/users/\${id}/mailFolders\`).get();
      }
    `)).toEqual(['microsoft graph GET /me/messages', 'microsoft graph PATCH /me/messages/{id}', 'microsoft graph POST /me/sendmail', 'microsoft graph GET /me/mailfolders']);
  });
});

describe('Slack', () => {
  test('WebClient methods, Bolt app.client and apiCall with a constant name', () => {
    expect(calls(`
      import { WebClient } from '@slack/web-api';
      const web = new WebClient(token);
      export async function run(app: any) {
        await web.chat.postMessage({ channel, text });
        await app.client.conversations.replies({ channel, ts });
        await web.apiCall('reactions.add', { name: 'eyes' });
      }
    `)).toEqual(['slack web chat.postMessage', 'slack web conversations.replies', 'slack web reactions.add']);
  });
});

describe('fetch, axios and got to provider hosts', () => {
  test('URLs constant-folded through constants and templates, verbs from options and method names', () => {
    expect(calls(`
      import axios from 'axios';
      import got from 'got';
      const GMAIL = 'https://gmail.googleapis.com/gmail/v1/users/me';
      export async function run(id: string, token: string) {
        await fetch(\`\${GMAIL}/messages/\${id}?format=metadata\`, { headers: { Authorization: token } });
        await axios.post('https://slack.com/api/chat.postMessage', { channel, text });
        await got.patch(\`https://api.github.com/repos/o/r/issues/\${id}\`);
        await fetch('https://graph.microsoft.com/v1.0/me/events', { method: 'POST' });
        await fetch('https://example.com/api');
      }
    `)).toEqual([
      'google gmail:v1 users.messages.get',
      'slack web chat.postMessage',
      'github rest issues.update',
      'microsoft graph POST /me/events',
    ]);
  });

  test('an options object out of sight leaves the verb unknown', () => {
    expect(calls(`
      export const call = (init: RequestInit) => fetch('https://api.github.com/user', { ...init });
    `)).toEqual(['github ? the HTTP method is not a constant']);
  });
});

describe('calls attributed to MCP tools', () => {
  test('server.tool, registerTool, CallTool handlers with switch cases, FastMCP addTool, through local functions', () => {
    expect(calls(`
      import { Octokit } from '@octokit/rest';
      const octokit = new Octokit();
      async function listIssues() { return octokit.rest.issues.listForRepo({ owner, repo }); }
      const helper = async () => listIssues();
      server.tool('list_issues', async () => helper());
      server.registerTool('create_issue', { inputSchema: {} }, async () => octokit.rest.issues.create({ owner, repo, title }));
      server.setRequestHandler(CallToolRequestSchema, async (request) => {
        switch (request.params.name) {
          case 'get_user': return octokit.rest.users.getAuthenticated();
        }
      });
      mcp.addTool({ name: 'list_gists', execute: async () => octokit.rest.gists.list() });
      export const notATool = () => octokit.rest.repos.get({ owner, repo });
    `)).toEqual([
      'github rest issues.listForRepo <- list_issues',
      'github rest issues.create <- create_issue',
      'github rest users.getAuthenticated <- get_user',
      'github rest gists.list <- list_gists',
      'github rest repos.get',
    ]);
  });
});
