import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Analyzer } from '../../src/analyzer/index.js';
import { broadScope } from '../../src/analyzer/rules/broad-scope.js';
import { scopeMapLoads } from '../../src/analyzer/knowledge/scope-maps/index.js';
import { defaultConfig } from '../../src/config/types.js';

/** The messages of the call-based judgement, fixture by fixture (the fixture test checks the lines). */
const FIXTURES = join(process.cwd(), 'test', 'fixtures', 'broad-scope');
const analyse = (name: string) =>
  new Analyzer(defaultConfig(), [broadScope]).analyzeFile({ path: name, text: readFileSync(join(FIXTURES, name), 'utf8') }).findings.map((finding) => finding.message);

describe('broad-scope judges requested scopes by the calls the tools make', () => {
  test.each([
    ['google-gmail-tools-full-mailbox.ts', ["The tools call gmail users.messages.list, users.messages.get and users.messages.send (tools 'read_email', 'search_emails', 'send_email'): request `gmail.readonly gmail.send` instead of `https://mail.google.com/`."]],
    ['google-drive-read-only-tools-full-drive.ts', ["The tools call drive files.list and files.get (tools 'download_file', 'list_files'): request `drive.readonly` instead of `https://www.googleapis.com/auth/drive`."]],
    ['google-drive-tools-need-full-drive.ts', []],
    ['graph-outlook-tools-mail-readwrite.ts', ["The tools call GET /me/messages and GET /me/messages/{id} (tools 'list_messages', 'read_message'): request `Mail.Read` instead of `Mail.ReadWrite`."]],
    ['graph-calendar-tools-need-readwrite.ts', ["The tools call POST /me/events, GET /me/events and DELETE /me/events/{id} (tools 'cancel_event', 'create_event', 'list_events'): none of these needs `Files.ReadWrite.All`; drop it."]],
    ['github-octokit-tools-need-repo.ts', ["The tools call issues.create, users.getAuthenticated and issues.listForRepo (tools 'create_issue', 'list_issues', 'whoami'): none of these needs `user` or `admin:org`; drop them."]],
    ['github-gist-tools-repo-unneeded.ts', ["The tools call gists.create and gists.list (tools 'create_gist', 'list_gists'): none of these needs `repo`; drop it."]],
    ['slack-bolt-tools-unused-scopes.js', ["The tools call chat.postMessage, conversations.history and users.info (tools 'channel_history', 'post_message', 'user_info'): none of these needs `files:write`; drop it."]],
    ['slack-post-only-channels-read-unneeded.js', ["The tools call chat.postMessage (tools 'post'): none of these needs `channels:read`; drop it."]],
    ['spotify-read-tools-modify-scopes-unneeded.ts', [
      "The tools call get-users-saved-tracks, get-playlists-items, get-a-list-of-current-users-playlists and get-the-users-currently-playing-track (tools 'my_playlists', 'now_playing', 'playlist_items', 'saved_tracks'): none of these needs `user-library-modify`; drop it.",
      "The tools call get-users-saved-tracks, get-playlists-items, get-a-list-of-current-users-playlists and get-the-users-currently-playing-track (tools 'my_playlists', 'now_playing', 'playlist_items', 'saved_tracks'): none of these needs `playlist-modify-private`; drop it.",
    ]],
    // playlist-read-collaborative is not a narrower playlist-read-private: they read different playlists.
    ['spotify-playlist-tools-need-modify.ts', []],
  ])('%s', (name, messages) => {
    expect(analyse(name)).toEqual(messages);
  });

  test.each([
    ['google-gmail-dynamic-method-falls-back.ts', "Scope 'https://mail.google.com/'", "the Google API calls could not all be seen (line 21: 'gmail users.messages.[…]' names its method at run time), so this is the catalogue's judgement."],
    ['graph-generic-request-tool-falls-back.ts', "Scope 'Files.ReadWrite.All'", "the Microsoft Graph API calls could not all be seen (line 21: the Graph path is not a constant), so this is the catalogue's judgement."],
    ['github-any-endpoint-tool-falls-back.ts', "Scope 'repo'", "the GitHub API calls could not all be seen (line 21: the route is not a constant), so this is the catalogue's judgement."],
    ['slack-api-call-dynamic-falls-back.js', "Scope 'admin'", "the Slack API calls could not all be seen (line 21: the method name is not a constant), so this is the catalogue's judgement."],
    ['spotify-any-endpoint-unresolved.ts', "Scope 'user-modify-playback-state'", "request 'user-read-playback-state' if the tools only show what is playing and on which device; the Spotify API calls could not all be seen (line 15: 'GET https://api.spotify.com/v1/…' could not be matched to one method), so this is the catalogue's judgement."],
  ])('%s: unresolved calls fall back to the catalogue and say so', (name, start, end) => {
    const messages = analyse(name);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.startsWith(start)).toBe(true);
    expect(messages[0]!.endsWith(end)).toBe(true);
  });

  test('a request in a file without the calls says the calls are not in the file', () => {
    const messages = analyse('github-scopes-in-one-string.ts');
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) expect(message).toMatch(/the GitHub API calls the tools make could not be seen in this file, so this is the catalogue's judgement\.$/);
  });

  test('without the calls, scopes tools commonly need are not judged by the catalogue', () => {
    expect(analyse('google-generate-auth-url.ts')).toEqual([]);
  });
});

describe('the scope maps load lazily', () => {
  test('a file that mentions no provider loads no map', () => {
    const before = scopeMapLoads();
    const text = `
      import express from 'express';
      const app = express();
      app.get('/login', (_req, res) => res.redirect('https://auth.example.com/authorize?' + new URLSearchParams({ client_id: 'x', scope: 'notes:read notes:write', code_challenge: 'c', code_challenge_method: 'S256' })));
      export function helper(items: string[]) { return items.map((item) => item.trim()); }
    `;
    new Analyzer(defaultConfig()).analyzeFile({ path: 'server.ts', text });
    new Analyzer(defaultConfig()).analyzeFile({ path: 'util.ts', text: 'export const add = (a: number, b: number) => a + b;\n' });
    expect(scopeMapLoads()).toBe(before);
  });
});

describe('whole-tree calls from a first pass', () => {
  test('a request in an auth module is judged against the tools of another module', async () => {
    const { createBroadScope } = await import('../../src/analyzer/rules/broad-scope.js');
    const analyses: import('../../src/analyzer/rules/broad-scope.js').FileScopeAnalysis[] = [];
    const tools = `import { google } from 'googleapis';
      const gmail = google.gmail({ version: 'v1' });
      server.tool('send', async () => gmail.users.messages.send({ userId: 'me', requestBody: {} }));`;
    const auth = `import { google } from 'googleapis';
      import { CodeChallengeMethod } from 'google-auth-library';
      const client = new google.auth.OAuth2('id', 'secret', 'http://localhost:3000/cb');
      export const url = client.generateAuthUrl({ code_challenge: 'c', code_challenge_method: CodeChallengeMethod.S256, scope: ['https://mail.google.com/'] });`;
    const capture = new Analyzer(defaultConfig(), [createBroadScope((analysis) => analyses.push(analysis))], { prefilter: false });
    for (const [path, text] of [['tools.ts', tools], ['auth.ts', auth]]) capture.analyzeFile({ path: path!, text: text! });
    const project = { calls: analyses.flatMap((analysis) => analysis.calls), toolHandlers: analyses.reduce((sum, analysis) => sum + analysis.toolHandlers, 0) };
    const withProject = new Analyzer(defaultConfig(), [createBroadScope(undefined, project)]).analyzeFile({ path: 'auth.ts', text: auth }).findings;
    expect(withProject.map((finding) => finding.message)).toEqual(["The tools call gmail users.messages.send (tools 'send'): request `gmail.send` instead of `https://mail.google.com/`."]);
    const alone = new Analyzer(defaultConfig(), [broadScope]).analyzeFile({ path: 'auth.ts', text: auth }).findings;
    // Alone, the calls are out of sight: the full mailbox is as likely needed as not, so nothing is said.
    expect(alone).toEqual([]);
  });
});

describe('the combined finding across modules', () => {
  test('each part says that not all the calls were traced to an MCP tool', async () => {
    const { analyzeFiles } = await import('../../src/analyzer/analyzer.js');
    const folder = join(FIXTURES, 'untraced-calls-combined-finding');
    const files = ['auth.ts', 'tools.ts', 'files.ts'].map((path) => ({ path, text: readFileSync(join(folder, path), 'utf8') }));
    const findings = analyzeFiles(files).findings.filter((finding) => finding.ruleId === 'broad-scope');
    expect(findings).toHaveLength(1);
    const parts = findings[0]!.message.split('; ');
    expect(parts).toHaveLength(2);
    for (const part of parts) expect(part).toMatch(/^the scanned files call .+ \(not all traced to an MCP tool\): request `[^`]+` instead of `[^`]+`\.?$/i);
    expect(findings[0]!.severity).toBe('warning');
  });
});
