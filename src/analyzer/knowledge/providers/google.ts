/**
 * Google (Google Identity, googleapis.com). Sources: Google Identity "Using OAuth 2.0 for Web
 * Server Applications" and "OAuth 2.0 for TV and Limited-Input Device Applications" (endpoints),
 * "OAuth 2.0 Scopes for Google APIs" (scope catalogue); package names from the npm registry.
 * Facts only; Google's documentation is CC-BY-4.0.
 */
import { defineProvider } from './record.js';

const GOOGLE_SCOPE = 'https://www.googleapis.com/auth/';

export const GOOGLE = defineProvider({
  id: 'google',
  displayName: 'Google',
  sources: [
    'https://developers.google.com/identity/protocols/oauth2/web-server',
    'https://developers.google.com/identity/protocols/oauth2/limited-input-device',
    'https://developers.google.com/identity/protocols/oauth2/scopes',
  ],
  licence: 'facts (Google developer documentation, CC-BY-4.0)',
  hosts: /(^|\.)(google\.com|googleapis\.com)$/i,
  endpoints: {
    authorize: ['https://accounts.google.com/o/oauth2/v2/auth'],
    token: ['https://oauth2.googleapis.com/token'],
    device: ['https://oauth2.googleapis.com/device/code'],
  },
  // The token and device paths ('/token', '/device/code') are the conventional ones.
  paths: { authorize: [/\/o\/oauth2\/(v2\/)?auth\/?$/i], token: [], device: [] },
  configNames: ['google', 'googleworkspace'],
  libraries: {
    oauth: [
      { library: 'google-auth-library', modules: ['google-auth-library', 'googleapis', '@googleapis/'] },
      { library: '@google-cloud/local-auth', modules: ['@google-cloud/local-auth'] },
    ],
    arcticClass: 'Google',
    passportStrategies: ['passport-google-oauth20', 'passport-google-oauth2', 'passport-google-oauth'],
    passportName: 'google',
  },
  scopes: {
    broad: [
      { scope: `${GOOGLE_SCOPE}drive`, grants: 'grants read, write and delete access to every file in the user\'s Google Drive', narrower: [`${GOOGLE_SCOPE}drive.readonly`, `${GOOGLE_SCOPE}drive.file`], when: 'the tools only read files or only touch files the app created or the user picked' },
      { scope: 'https://mail.google.com/', grants: 'grants full access to the mailbox, including permanent deletion', narrower: [`${GOOGLE_SCOPE}gmail.readonly`, `${GOOGLE_SCOPE}gmail.send`, `${GOOGLE_SCOPE}gmail.modify`], when: 'the tools only read, only send, or only label mail' },
      { scope: `${GOOGLE_SCOPE}calendar`, grants: 'grants read and write access to all calendars, including sharing settings', narrower: [`${GOOGLE_SCOPE}calendar.readonly`, `${GOOGLE_SCOPE}calendar.events`], when: 'the tools only read calendars or only manage events' },
      { scope: `${GOOGLE_SCOPE}cloud-platform`, grants: 'grants access to every Google Cloud API the user can reach', narrower: [], when: 'no service-specific scope (for example \'devstorage.read_only\') covers the tools' },
      { scope: `${GOOGLE_SCOPE}spreadsheets`, grants: 'grants read and write access to every spreadsheet in the user\'s Google Drive', narrower: [`${GOOGLE_SCOPE}spreadsheets.readonly`, `${GOOGLE_SCOPE}drive.file`], when: 'the tools only read sheets or only touch sheets the app created or the user picked' },
      { scope: `${GOOGLE_SCOPE}documents`, grants: 'grants read and write access to every document in the user\'s Google Drive', narrower: [`${GOOGLE_SCOPE}documents.readonly`, `${GOOGLE_SCOPE}drive.file`], when: 'the tools only read documents or only touch documents the app created or the user picked' },
    ],
    // Read-only, per-file and single-purpose scopes
    narrow: [/^https:\/\/www\.googleapis\.com\/auth\/[a-z0-9_.-]*(readonly|read_only|\.file|\.send|\.compose|\.labels|\.events|\.modify|\.insert|userinfo\.[a-z]+|\.appdata|\.metadata)$/],
    prefixes: [],
    // Gmail over IMAP, POP or SMTP (XOAUTH2) accepts only the full mailbox scope ("Gmail IMAP, POP and SMTP: https://mail.google.com/").
    protocolScopes: [{ scope: 'https://mail.google.com/', protocols: 'IMAP, POP and SMTP' }],
  },
  scopeMap: {
    callText: /googleapis/i,
    // Every *.googleapis.com API host, but not the OAuth and OpenID hosts.
    apiUrl: { host: /^(?!(oauth2|openidconnect)\.googleapis\.com$).*\.googleapis\.com$/ },
  },
});
