/**
 * Dropbox. Sources: Dropbox's OAuth Guide and HTTP API documentation (endpoints, scopes);
 * the method → scope map is generated from the official `dropbox` SDK (MIT), see
 * tools/scopes/dropbox.ts. Facts only.
 */
import { defineProvider } from './record.js';

export const DROPBOX = defineProvider({
  id: 'dropbox',
  displayName: 'Dropbox',
  sources: ['https://developers.dropbox.com/oauth-guide', 'https://www.dropbox.com/developers/documentation/http/documentation'],
  licence: 'facts (Dropbox developer documentation)',
  // www.dropbox.com serves the authorize page; api.dropboxapi.com the token endpoint.
  hosts: /(^|\.)(dropbox\.com|dropboxapi\.com)$/i,
  endpoints: {
    authorize: ['https://www.dropbox.com/oauth2/authorize'],
    token: ['https://api.dropboxapi.com/oauth2/token'],
  },
  // Both are the conventional '/oauth2/authorize' and '/oauth2/token' paths.
  paths: { authorize: [], token: [], device: [] },
  configNames: ['dropbox'],
  // The SDK's DropboxAuth.getAuthenticationUrl takes scopes and PKCE as positional arguments (oauth-endpoints LIBRARY_CALLS).
  libraries: { oauth: [{ library: 'dropbox', modules: ['dropbox'] }], passportStrategies: [] },
  scopes: {
    broad: [
      { scope: 'files.permanent_delete', grants: 'grants permission to delete files and folders permanently, beyond the recoverable trash', narrower: [], when: 'a tool really deletes permanently', rarelyNeeded: 'only deleting beyond the trash needs it' },
      { scope: 'team_data.member', grants: 'grants a team app access to every member\'s files, acting as any member of the team', narrower: [], when: 'a tool really acts for other members of the team', rarelyNeeded: 'only acting as other members of a team needs it' },
      { scope: 'members.delete', grants: 'grants permission to remove members from the team', narrower: [], when: 'a tool really removes team members', rarelyNeeded: 'only removing team members needs it' },
      { scope: 'account_info.write', grants: 'grants permission to change the account\'s profile', narrower: ['account_info.read'], when: 'the tools only read the account' },
    ],
    // Dropbox scopes are '<area>.<read|write>'; a write scope is judged by the calls (the map), not by its name.
    narrow: [/^(account_info|files\.metadata|files\.content|sharing|file_requests|contacts)\.read$/],
    prefixes: [],
    protocolScopes: [],
  },
  scopeMap: {
    callText: /\bDropbox\b|dropboxapi\.com/,
    apiUrl: { host: /^(api|content|notify)\.dropboxapi\.com$/ },
  },
});
