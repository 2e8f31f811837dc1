/**
 * Microsoft identity platform (Entra ID) and Microsoft Graph. Sources: Microsoft Learn
 * "OAuth 2.0 authorization code flow" and "OAuth 2.0 device authorization grant" (endpoints),
 * "Microsoft Graph permissions reference" (scope catalogue); package names from the npm registry.
 * Facts only; Microsoft Learn documentation is CC-BY-4.0.
 */
import { defineProvider } from './record.js';

export const MICROSOFT = defineProvider({
  id: 'microsoft',
  displayName: 'Microsoft Graph',
  sources: [
    'https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow',
    'https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-device-code',
    'https://learn.microsoft.com/en-us/graph/permissions-reference',
  ],
  licence: 'facts (Microsoft Learn, CC-BY-4.0)',
  hosts: /(^|\.)(microsoftonline\.com|microsoft\.com|microsoftonline\.us|live\.com)$/i,
  endpoints: {
    authorize: ['https://login.microsoftonline.com/{tenant}/oauth2/v2.0/authorize'],
    token: ['https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token'],
    device: ['https://login.microsoftonline.com/{tenant}/oauth2/v2.0/devicecode'],
  },
  // The token path ('/oauth2/v2.0/token') is a conventional one.
  paths: {
    authorize: [/\/oauth2\/(v2\.0\/)?authorize\/?$/i],
    token: [],
    device: [/\/oauth2\/(v2\.0\/)?devicecode\/?$/i],
  },
  configNames: ['microsoft', 'azure', 'azuread', 'entra', 'entraid', 'microsoftentraid', 'msgraph'],
  libraries: {
    oauth: [{ library: '@azure/msal-node', modules: ['@azure/msal-node'] }],
    arcticClass: 'MicrosoftEntraId',
    passportStrategies: ['passport-microsoft', 'passport-azure-ad-oauth2'],
    passportName: 'microsoft',
  },
  scopes: {
    // Case-insensitive; an 'https://graph.microsoft.com/' prefix is stripped before matching.
    broad: [
      { scope: 'Directory.ReadWrite.All', grants: 'grants read and write access to the whole directory of the tenant', narrower: ['Directory.Read.All'], when: 'the tools only read the directory' },
      { scope: 'Directory.AccessAsUser.All', grants: 'grants the same access to the directory as the signed-in user, including writes', narrower: ['Directory.Read.All'], when: 'the tools only read the directory' },
      { scope: 'Files.ReadWrite.All', grants: 'grants read and write access to every file the user can reach', narrower: ['Files.Read.All', 'Files.ReadWrite'], when: 'the tools only read files or only write the user\'s own files' },
      { scope: 'Sites.FullControl.All', grants: 'grants full control of every SharePoint site', narrower: ['Sites.Selected'], when: 'the tools only touch specific sites', rarelyNeeded: 'beyond Sites.ReadWrite.All it only adds managing site permissions' },
      { scope: 'Mail.ReadWrite', grants: 'grants read, write and delete access to the user\'s mail', narrower: ['Mail.Read'], when: 'the tools only read mail (add \'Mail.Send\' to send)' },
      { scope: /^([A-Za-z]+(?:\.[A-Za-z]+)?)\.ReadWrite\.All$/i, grants: 'grants read and write access to every $1 resource in the tenant', narrower: ['$1.Read.All'], when: 'the tools only read' },
    ],
    narrow: [
      // IMAP, POP, SMTP and EWS each have one scope on outlook.office.com (the user's own mailbox over that protocol).
      /^((IMAP|POP|EWS)\.AccessAsUser\.All|SMTP\.Send)$/i,
      // Per-user permissions (the '.All' tenant-wide forms are catalogued above)
      /^(\.default|[A-Za-z]+(?:\.[A-Za-z]+)?\.(Read|ReadBasic|ReadWrite|Send|Selected)(\.Shared)?|[A-Za-z]+(?:\.[A-Za-z]+)?\.Read(Basic)?\.All|Sites\.Selected|User\.Read|User\.ReadBasic\.All)$/i,
    ],
    prefixes: ['https://graph.microsoft.com/', 'https://outlook.office.com/'],
    protocolScopes: [],
  },
  scopeMap: { callText: /graph\.microsoft\.com|microsoft-graph-client|\.api\(/i, apiUrl: { host: /^graph\.microsoft\.com$/ } },
});
