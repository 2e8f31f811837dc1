import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serialiseScopeMap, type ScopeMapFile } from '../../tools/scopes/format.js';
import { githubEntries, classicScopesOf } from '../../tools/scopes/github.js';
import { googleEntries } from '../../tools/scopes/google.js';
import { graphEntries } from '../../tools/scopes/graph.js';
import { slackEntries } from '../../tools/scopes/slack.js';
import { spotifyEntries, spotifyNodeEntries } from '../../tools/scopes/spotify.js';

const SAMPLES = join(process.cwd(), 'test', 'scopes', 'samples');
const MAPS = join(process.cwd(), 'src', 'analyzer', 'knowledge', 'scope-maps');
const sample = (name: string) => readFileSync(join(SAMPLES, name), 'utf8');
const provenance = [{ provider: 'test', source: 'sample', version: '0', licence: 'MIT', selection: 'all' }];

describe('the generator transform is deterministic', () => {
  test('googleapis-shaped code: same input, byte-identical output; chains, URLs and any-of scopes read', () => {
    const run = () => serialiseScopeMap({ provenance, entries: googleEntries('mail:v1', sample('googleapis-shape.d.ts.txt'), sample('googleapis-shape.js.txt')) });
    const first = run();
    expect(run()).toBe(first);
    const entries = (JSON.parse(first) as ScopeMapFile).entries;
    expect(entries).toEqual([
      { provider: 'google', api: 'mail:v1', method: 'users.messages.attachments.get', http: 'GET', urlTemplate: 'https://mail.example.googleapis.com/mail/v1/users/{userId}/messages/{messageId}/attachments/{id}', anyOf: [['https://www.googleapis.com/auth/gmail.readonly']] },
      { provider: 'google', api: 'mail:v1', method: 'users.messages.send', http: 'POST', urlTemplate: 'https://mail.example.googleapis.com/mail/v1/users/{userId}/messages/send', anyOf: [['https://mail.google.com/'], ['https://www.googleapis.com/auth/gmail.send']] },
      { provider: 'google', api: 'mail:v1', method: 'users.ping', http: 'GET', urlTemplate: 'https://mail.example.googleapis.com/mail/v1/ping', anyOf: [[]] },
    ]);
  });

  test('Graph permissions: inverted to method + path, delegated only, /users/{id} folded onto /me, order-independent', () => {
    const text = sample('graph-permissions-shape.json');
    const reversed = JSON.stringify({ permissions: Object.fromEntries(Object.entries(JSON.parse(text).permissions as object).reverse()) });
    const first = serialiseScopeMap({ provenance, entries: graphEntries(text) });
    expect(serialiseScopeMap({ provenance, entries: graphEntries(reversed) })).toBe(first);
    const entries = (JSON.parse(first) as ScopeMapFile).entries;
    expect(entries.map((entry) => `${entry.method} ${entry.anyOf.map((set) => set.join('+')).join('|')}`)).toEqual([
      'GET /me/messages Mail.Read|Mail.ReadWrite',
      'POST /me/messages Mail.ReadWrite',
      'POST /me/sendmail Mail.Send',
      // /users/{id}/messages has the same permissions as /me/messages for GET and POST: folded;
      // the DELETE path set is application-only: left out.
    ]);
  });

  test('octokit routes get classic scopes from the curated table; App routes are left out', () => {
    const endpoints = {
      issues: { create: ['POST /repos/{owner}/{repo}/issues'] },
      users: { getAuthenticated: ['GET /user'], listEmailsForAuthenticatedUser: ['GET /user/emails'] },
      apps: { getAuthenticated: ['GET /app'] },
      repos: { delete: ['DELETE /repos/{owner}/{repo}'] },
    };
    const first = githubEntries(endpoints);
    expect(first.leftOut).toBe(1);
    expect(serialiseScopeMap({ provenance, entries: githubEntries(endpoints).entries })).toBe(serialiseScopeMap({ provenance, entries: first.entries }));
    expect(Object.fromEntries(first.entries.map((entry) => [entry.method, entry.anyOf]))).toEqual({
      'issues.create': [['repo'], ['public_repo']],
      'users.getAuthenticated': [[], ['read:user'], ['user']],
      'users.listEmailsForAuthenticatedUser': [['user:email'], ['user']],
      'repos.delete': [['delete_repo']],
    });
    expect(classicScopesOf('GET', '/app/installations')).toBeUndefined();
  });

  test.each(['google', 'microsoft', 'github', 'slack'])('the committed %s map is in the generator\'s canonical form', (provider) => {
    const text = readFileSync(join(MAPS, `${provider}.json`), 'utf8');
    expect(serialiseScopeMap(JSON.parse(text) as ScopeMapFile)).toBe(text);
  });

  test('the committed Slack map is exactly what the curated table generates', () => {
    const committed = JSON.parse(readFileSync(join(MAPS, 'slack.json'), 'utf8')) as ScopeMapFile;
    expect(serialiseScopeMap({ provenance: committed.provenance, entries: slackEntries() })).toBe(readFileSync(join(MAPS, 'slack.json'), 'utf8'));
  });

  test.each(['google', 'microsoft', 'github', 'slack'])('the %s map names its source, version and licence', (provider) => {
    const { provenance: header } = JSON.parse(readFileSync(join(MAPS, `${provider}.json`), 'utf8')) as ScopeMapFile;
    expect(header.length).toBeGreaterThan(0);
    for (const item of header) {
      expect(item.source).toMatch(/\S/);
      expect(item.version).toMatch(/\S/);
      expect(item.licence).toMatch(/\S/);
    }
  });
});

describe('the Spotify transform', () => {
  // Shaped like fixed-spotify-open-api.yml and spotify-web-api-node's src/spotify-web-api.js (hand-written samples, not copies).
  const openApi = [
    'openapi: 3.0.3',
    'servers:',
    '- url: https://api.spotify.com/v1',
    'paths:',
    '  /me:',
    '    get:',
    '      operationId: get-current-users-profile',
    '      security:',
    '      - oauth_2_0: [user-read-private, user-read-email]',
    '  /playlists/{playlist_id}/tracks:',
    '    post:',
    '      operationId: add-tracks-to-playlist',
    '      security:',
    '      - oauth_2_0: [playlist-modify-public, playlist-modify-private]',
    '  /playlists/{playlist_id}/images:',
    '    put:',
    '      operationId: upload-custom-playlist-cover',
    '      security:',
    '      - oauth_2_0: [ugc-image-upload, playlist-modify-public, playlist-modify-private]',
    '  /search:',
    '    get:',
    '      operationId: search',
    '',
  ].join('\n');
  const client = [
    'module.exports = {',
    '  setAccessToken: function(accessToken) {',
    '    this._credentials.accessToken = accessToken;',
    '  },',
    '  getMe: function(callback) {',
    '    return WebApiRequest.builder(this.getAccessToken())',
    "      .withPath('/v1/me')",
    '      .build()',
    '      .execute(HttpManager.get, callback);',
    '  },',
    '  addTracksToPlaylist: function(playlistId, tracks, options, callback) {',
    '    return WebApiRequest.builder(this.getAccessToken())',
    "      .withPath('/v1/playlists/' + playlistId + '/tracks')",
    '      .build()',
    '      .execute(HttpManager.post, callback);',
    '  },',
    '  search: function(query, types, options, callback) {',
    '    return WebApiRequest.builder(this.getAccessToken())',
    "      .withPath('/v1/search/')",
    '      .build()',
    '      .execute(HttpManager.get, callback);',
    '  },',
    '  searchTracks: function(query, options, callback) {',
    "    return this.search(query, ['track'], options, callback);",
    '  },',
    '  getMyTopTracks: function(options, callback) {',
    '    return WebApiRequest.builder(this.getAccessToken())',
    "      .withPath('/v1/me/top/tracks')",
    '      .build()',
    '      .execute(HttpManager.get, callback);',
    '  },',
    '};',
  ].join('\n');

  test('security lists: alternatives, scopes needed in addition, scopes that only add fields, none', () => {
    const byMethod = new Map(spotifyEntries(openApi).map((entry) => [entry.method, entry]));
    expect(byMethod.get('add-tracks-to-playlist')).toEqual({ provider: 'spotify', api: 'web-api', method: 'add-tracks-to-playlist', http: 'POST', urlTemplate: 'https://api.spotify.com/v1/playlists/{playlist_id}/tracks', anyOf: [['playlist-modify-public'], ['playlist-modify-private']] });
    expect(byMethod.get('upload-custom-playlist-cover')!.anyOf).toEqual([['ugc-image-upload', 'playlist-modify-public'], ['ugc-image-upload', 'playlist-modify-private']]);
    expect(byMethod.get('get-current-users-profile')!.anyOf).toEqual([[], ['user-read-private'], ['user-read-email']]);
    expect(byMethod.get('search')!.anyOf).toEqual([[]]);
  });

  test('client methods take the scopes of the operation their path reaches; delegates follow; a path with no operation is left out; setters are not methods', () => {
    const webApi = spotifyEntries(openApi);
    const { entries, leftOut } = spotifyNodeEntries(client, webApi);
    const byMethod = new Map(entries.map((entry) => [entry.method, entry]));
    expect([...byMethod.keys()].sort()).toEqual(['addTracksToPlaylist', 'getMe', 'search', 'searchTracks']);
    expect(byMethod.get('addTracksToPlaylist')).toMatchObject({ api: 'spotify-web-api-node', http: 'POST', urlTemplate: 'https://api.spotify.com/v1/playlists/{playlist_id}/tracks', anyOf: [['playlist-modify-public'], ['playlist-modify-private']] });
    expect(byMethod.get('searchTracks')!.urlTemplate).toBe('https://api.spotify.com/v1/search');
    expect(leftOut).toEqual(['getMyTopTracks']);
    const map = { provenance, entries: [...webApi, ...entries] };
    expect(serialiseScopeMap(map)).toBe(serialiseScopeMap({ provenance, entries: [...entries, ...webApi].reverse() }));
  });

  test('a file that does not name the Web API server is refused', () => {
    expect(() => spotifyEntries(openApi.replace('https://api.spotify.com/v1', 'https://example.com'))).toThrow(/not https:\/\/api\.spotify\.com\/v1/);
  });
});
