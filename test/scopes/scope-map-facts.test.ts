import { loadScopeMap, type ScopeMapProvider } from '../../src/analyzer/knowledge/scope-maps/index.js';

/** Known method → scope facts, read in the providers' own references, checked against the vendored maps. */
const G = 'https://www.googleapis.com/auth/';
type Fact = [api: string, method: string, http: string, allowedBy: string[], notAllowedBy: string[]];

const FACTS: Record<ScopeMapProvider, Fact[]> = {
  google: [
    ['gmail:v1', 'users.messages.send', 'POST', [`${G}gmail.send`, `${G}gmail.compose`, `${G}gmail.modify`, 'https://mail.google.com/'], [`${G}gmail.readonly`]],
    ['gmail:v1', 'users.messages.list', 'GET', [`${G}gmail.readonly`, `${G}gmail.metadata`], [`${G}gmail.send`]],
    ['gmail:v1', 'users.messages.get', 'GET', [`${G}gmail.readonly`, `${G}gmail.modify`], [`${G}gmail.send`, `${G}gmail.labels`]],
    ['gmail:v1', 'users.messages.delete', 'DELETE', ['https://mail.google.com/'], [`${G}gmail.modify`]],
    ['gmail:v1', 'users.labels.create', 'POST', [`${G}gmail.labels`, `${G}gmail.modify`], [`${G}gmail.readonly`]],
    ['drive:v3', 'files.list', 'GET', [`${G}drive.metadata.readonly`, `${G}drive.readonly`, `${G}drive`], [`${G}spreadsheets`]],
    ['drive:v3', 'files.create', 'POST', [`${G}drive`, `${G}drive.file`], [`${G}drive.readonly`]],
    ['drive:v3', 'files.delete', 'DELETE', [`${G}drive`, `${G}drive.file`], [`${G}drive.readonly`, `${G}drive.metadata.readonly`]],
    ['calendar:v3', 'events.insert', 'POST', [`${G}calendar`, `${G}calendar.events`], [`${G}calendar.readonly`]],
    ['calendar:v3', 'events.list', 'GET', [`${G}calendar.readonly`, `${G}calendar.events.readonly`], []],
    ['sheets:v4', 'spreadsheets.values.get', 'GET', [`${G}spreadsheets.readonly`, `${G}spreadsheets`, `${G}drive.readonly`], [`${G}documents`]],
    ['sheets:v4', 'spreadsheets.values.update', 'PUT', [`${G}spreadsheets`, `${G}drive.file`], [`${G}spreadsheets.readonly`]],
    ['docs:v1', 'documents.get', 'GET', [`${G}documents.readonly`, `${G}documents`], []],
    ['people:v1', 'people.connections.list', 'GET', [`${G}contacts.readonly`, `${G}contacts`], []],
    ['tasks:v1', 'tasks.insert', 'POST', [`${G}tasks`], [`${G}tasks.readonly`]],
    ['youtube:v3', 'videos.list', 'GET', [`${G}youtube.readonly`], []],
  ],
  microsoft: [
    ['graph', 'GET /me/messages', 'GET', ['Mail.Read', 'Mail.ReadWrite', 'Mail.ReadBasic'], ['Mail.Send']],
    ['graph', 'POST /me/sendmail', 'POST', ['Mail.Send'], ['Mail.Read']],
    ['graph', 'GET /me', 'GET', ['User.Read'], []],
    ['graph', 'GET /me/events', 'GET', ['Calendars.Read', 'Calendars.ReadWrite'], ['Mail.Read']],
    ['graph', 'POST /me/events', 'POST', ['Calendars.ReadWrite'], ['Calendars.Read']],
    ['graph', 'GET /me/drive/root/children', 'GET', ['Files.Read', 'Files.ReadWrite'], []],
    ['graph', 'GET /me/contacts', 'GET', ['Contacts.Read', 'Contacts.ReadWrite'], []],
    ['graph', 'POST /me/contacts', 'POST', ['Contacts.ReadWrite'], ['Contacts.Read']],
    ['graph', 'GET /me/joinedteams', 'GET', ['Team.ReadBasic.All'], []],
    ['graph', 'GET /users', 'GET', ['User.ReadBasic.All', 'User.Read.All'], ['User.Read']],
    ['graph', 'GET /me/todo/lists', 'GET', ['Tasks.Read', 'Tasks.ReadWrite'], []],
    ['graph', 'GET /groups', 'GET', ['Group.Read.All', 'Directory.Read.All'], ['User.Read']],
  ],
  github: [
    ['rest', 'issues.create', 'POST', ['repo', 'public_repo'], ['read:user']],
    ['rest', 'issues.listForRepo', 'GET', ['repo'], ['gist']],
    ['rest', 'pulls.create', 'POST', ['repo'], ['read:org']],
    ['rest', 'repos.getContent', 'GET', ['repo'], []],
    ['rest', 'repos.createOrUpdateFileContents', 'PUT', ['repo', 'public_repo'], []],
    ['rest', 'repos.delete', 'DELETE', ['delete_repo'], ['repo']],
    // GET /user answers the public profile with any token; read:user adds the private fields.
    ['rest', 'users.getAuthenticated', 'GET', ['read:user', 'user'], []],
    ['rest', 'users.listEmailsForAuthenticatedUser', 'GET', ['user:email', 'user'], ['read:user']],
    ['rest', 'gists.create', 'POST', ['gist'], ['repo']],
    ['rest', 'orgs.listMembers', 'GET', ['read:org', 'admin:org'], ['repo']],
    ['rest', 'repos.createWebhook', 'POST', ['write:repo_hook', 'admin:repo_hook'], ['read:repo_hook']],
    ['rest', 'activity.listNotificationsForAuthenticatedUser', 'GET', ['notifications', 'repo'], []],
    ['rest', 'search.repos', 'GET', [], ['repo']],
  ],
  slack: [
    ['web', 'chat.postMessage', 'POST', ['chat:write'], ['channels:read']],
    ['web', 'chat.update', 'POST', ['chat:write'], []],
    ['web', 'conversations.history', 'POST', ['channels:history', 'groups:history', 'im:history', 'mpim:history'], ['channels:read']],
    ['web', 'conversations.replies', 'POST', ['channels:history'], []],
    ['web', 'conversations.list', 'POST', ['channels:read', 'groups:read'], ['channels:history']],
    ['web', 'conversations.join', 'POST', ['channels:join'], []],
    ['web', 'users.info', 'POST', ['users:read'], ['users:read.email']],
    ['web', 'users.lookupByEmail', 'POST', ['users:read.email'], []],
    ['web', 'users.profile.get', 'POST', ['users.profile:read'], []],
    ['web', 'reactions.add', 'POST', ['reactions:write'], ['reactions:read']],
    ['web', 'files.uploadV2', 'POST', ['files:write'], ['files:read']],
    ['web', 'search.messages', 'POST', ['search:read'], []],
  ],
  // Dropbox HTTP API documentation, each route's "Required Scope".
  dropbox: [
    ['dropbox', 'filesListFolder', 'POST', ['files.metadata.read'], ['files.content.read']],
    ['dropbox', 'filesGetMetadata', 'POST', ['files.metadata.read'], []],
    ['dropbox', 'filesSearchV2', 'POST', ['files.metadata.read'], []],
    ['dropbox', 'filesDownload', 'POST', ['files.content.read'], ['files.metadata.read']],
    ['dropbox', 'filesUpload', 'POST', ['files.content.write'], ['files.content.read']],
    ['dropbox', 'filesDeleteV2', 'POST', ['files.content.write'], ['files.permanent_delete']],
    ['dropbox', 'filesPermanentlyDelete', 'POST', ['files.permanent_delete'], ['files.content.write']],
    ['dropbox', 'usersGetCurrentAccount', 'POST', ['account_info.read'], []],
    ['dropbox', 'sharingCreateSharedLinkWithSettings', 'POST', ['sharing.write'], ['sharing.read']],
    ['dropbox', 'sharingListSharedLinks', 'POST', ['sharing.read'], []],
    ['dropbox', 'fileRequestsCreate', 'POST', ['file_requests.write'], []],
    ['dropbox', 'authTokenRevoke', 'POST', [], ['account_info.read']],
  ],
  // Spotify Web API reference, each endpoint's "Authorization scopes", and the Scopes guide.
  spotify: [
    ['web-api', 'get-current-users-profile', 'GET', [], ['user-library-read']],
    ['web-api', 'search', 'GET', [], ['user-read-private']],
    ['web-api', 'get-users-saved-tracks', 'GET', ['user-library-read'], ['user-library-modify']],
    ['web-api', 'save-tracks-user', 'PUT', ['user-library-modify'], ['user-library-read']],
    ['web-api', 'get-playlists-items', 'GET', ['playlist-read-private'], ['playlist-modify-private']],
    ['web-api', 'add-items-to-playlist', 'POST', ['playlist-modify-public', 'playlist-modify-private'], ['playlist-read-private']],
    ['web-api', 'get-a-list-of-current-users-playlists', 'GET', ['playlist-read-private'], ['playlist-modify-private']],
    ['web-api', 'start-a-users-playback', 'PUT', ['user-modify-playback-state'], ['user-read-playback-state']],
    ['web-api', 'get-information-about-the-users-current-playback', 'GET', ['user-read-playback-state'], ['user-modify-playback-state']],
    ['web-api', 'get-the-users-currently-playing-track', 'GET', ['user-read-currently-playing'], ['user-modify-playback-state']],
    ['web-api', 'get-users-top-tracks', 'GET', ['user-top-read'], ['user-read-recently-played']],
    ['web-api', 'follow-artists-users', 'PUT', ['user-follow-modify'], ['user-follow-read']],
    ['spotify-web-api-node', 'addTracksToPlaylist', 'POST', ['playlist-modify-public', 'playlist-modify-private'], ['playlist-read-private']],
    ['spotify-web-api-node', 'getMySavedTracks', 'GET', ['user-library-read'], ['user-library-modify']],
    ['spotify-web-api-node', 'getMe', 'GET', [], ['user-library-read']],
  ],
};

describe.each(Object.keys(FACTS) as ScopeMapProvider[])('%s scope map', (provider) => {
  test.each(FACTS[provider].map((fact) => [`${fact[1]}`, fact] as const))('%s', (_name, [api, method, http, allowedBy, notAllowedBy]) => {
    const entry = loadScopeMap(provider).byMethod.get(`${api} ${method}`);
    expect(entry).toBeDefined();
    expect(entry!.http).toBe(http);
    const alone = new Set(entry!.anyOf.filter((set) => set.length === 1).map((set) => set[0]));
    for (const scope of allowedBy) expect({ scope, allowed: alone.has(scope) }).toEqual({ scope, allowed: true });
    for (const scope of notAllowedBy) expect({ scope, allowed: alone.has(scope) }).toEqual({ scope, allowed: false });
    if (allowedBy.length === 0) expect(entry!.anyOf).toContainEqual([]);
  });
});

// "Add Custom Playlist Cover Image": ugc-image-upload, and playlist-modify-public or -private by the playlist's visibility.
test('spotify upload-custom-playlist-cover needs ugc-image-upload together with a playlist-modify scope', () => {
  const entry = loadScopeMap('spotify').byMethod.get('web-api upload-custom-playlist-cover');
  expect(entry?.anyOf).toEqual([['playlist-modify-private', 'ugc-image-upload'], ['playlist-modify-public', 'ugc-image-upload']]);
});
