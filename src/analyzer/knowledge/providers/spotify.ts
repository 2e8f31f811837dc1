/**
 * Spotify. Sources: Spotify for Developers "Authorization" and "Scopes" (endpoints, what each
 * scope grants); the method → scope map is generated from the Web API's OpenAPI description as
 * sonallux/spotify-web-api maintains it (MIT), see tools/scopes/spotify.ts. Facts only.
 */
import { defineProvider } from './record.js';

export const SPOTIFY = defineProvider({
  id: 'spotify',
  displayName: 'Spotify',
  sources: ['https://developer.spotify.com/documentation/web-api/concepts/authorization', 'https://developer.spotify.com/documentation/web-api/concepts/scopes'],
  licence: 'facts (Spotify for Developers documentation)',
  // accounts.spotify.com serves the authorize page and the token endpoint.
  hosts: /(^|\.)accounts\.spotify\.com$/i,
  endpoints: {
    authorize: ['https://accounts.spotify.com/authorize'],
    token: ['https://accounts.spotify.com/api/token'],
  },
  // '/authorize' and '/api/token' are the conventional paths.
  paths: { authorize: [], token: [], device: [] },
  configNames: ['spotify'],
  libraries: { oauth: [], arcticClass: 'Spotify', passportStrategies: ['passport-spotify'], passportName: 'spotify' },
  scopes: {
    broad: [
      { scope: 'user-library-modify', grants: 'grants permission to save and remove tracks, albums, shows, episodes and audiobooks in the user\'s library', narrower: ['user-library-read'], when: 'the tools only read the library' },
      { scope: 'playlist-modify-private', grants: 'grants permission to create private playlists and to add, reorder and remove the items of the user\'s private playlists', narrower: ['playlist-read-private'], when: 'the tools only read playlists' },
      { scope: 'playlist-modify-public', grants: 'grants permission to create public playlists and to change the user\'s public playlists', narrower: [], when: 'a tool really changes public playlists (reading a public playlist needs no scope)' },
      { scope: 'user-modify-playback-state', grants: 'grants control of playback on the user\'s devices: play, pause, skip, seek, volume, queue, transfer', narrower: ['user-read-playback-state'], when: 'the tools only show what is playing and on which device' },
      { scope: 'user-follow-modify', grants: 'grants permission to follow and unfollow artists, users and playlists for the user', narrower: ['user-follow-read'], when: 'the tools only read what the user follows' },
      { scope: 'ugc-image-upload', grants: 'grants permission to upload images (playlist covers) on the user\'s behalf', narrower: [], when: 'a tool really uploads a playlist cover' },
      { scope: 'user-read-private', grants: 'grants reading the user\'s subscription (product), country and explicit-content settings', narrower: [], when: 'a tool really needs the product, country or explicit-content settings (GET /me answers the id and display name without it)' },
      { scope: 'streaming', requiresProvider: true, grants: 'grants playing content through the Web Playback SDK', narrower: [], when: 'the server really plays audio in a Web Playback SDK player', rarelyNeeded: 'only a Web Playback SDK player in a browser uses it' },
      { scope: 'app-remote-control', grants: 'grants remote control of the Spotify app through the iOS and Android SDKs', narrower: [], when: 'never for a Web API server: only the iOS and Android SDKs use it', rarelyNeeded: 'only the iOS and Android SDKs use it, never a Web API server' },
    ],
    narrow: [/^(user-read-email|user-read-playback-position|user-read-playback-state|user-read-currently-playing|user-read-recently-played|user-top-read|user-library-read|user-follow-read|playlist-read-private|playlist-read-collaborative)$/],
    prefixes: [],
    protocolScopes: [],
  },
  scopeMap: {
    callText: /api\.spotify\.com|\bSpotifyWebApi\b|spotify-web-api-node/,
    // The map names each operation twice: by operationId (api 'web-api') and by spotify-web-api-node's method.
    apiUrl: { host: /^api\.spotify\.com$/, api: 'web-api' },
  },
});
