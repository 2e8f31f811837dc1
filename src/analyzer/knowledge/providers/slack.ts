/**
 * Slack. Sources: Slack API docs "Installing with OAuth" and "Sign in with Slack" (endpoints),
 * "Scopes" reference (scope catalogue); package names from the npm registry. Facts only.
 */
import { defineProvider } from './record.js';

export const SLACK = defineProvider({
  id: 'slack',
  displayName: 'Slack',
  sources: [
    'https://api.slack.com/authentication/oauth-v2',
    'https://api.slack.com/authentication/sign-in-with-slack',
    'https://api.slack.com/scopes',
  ],
  licence: 'facts (Slack API documentation)',
  hosts: /(^|\.)slack\.com$/i,
  endpoints: {
    authorize: ['https://slack.com/oauth/v2/authorize', 'https://slack.com/openid/connect/authorize'],
    token: ['https://slack.com/api/oauth.v2.access', 'https://slack.com/api/openid.connect.token'],
  },
  // '/oauth/v2/authorize' is the conventional '/oauth/(v2/)?authorize' many servers share.
  paths: {
    authorize: [/\/openid\/connect\/authorize\/?$/i],
    token: [/\/api\/oauth\.(v2\.)?access\/?$/i, /\/api\/openid\.connect\.token\/?$/i],
    device: [],
  },
  configNames: ['slack'],
  libraries: {
    oauth: [
      { library: '@slack/oauth', modules: ['@slack/oauth'] },
      { library: '@slack/bolt', modules: ['@slack/bolt'] },
    ],
    arcticClass: 'Slack',
    passportStrategies: ['passport-slack-oauth2', 'passport-slack'],
    passportName: 'slack',
  },
  scopes: {
    broad: [
      { scope: 'admin', requiresProvider: true, grants: 'grants administration of the whole workspace', narrower: [], when: 'a tool really administers the workspace', rarelyNeeded: 'only administering the workspace needs it' },
      { scope: /^admin\.[a-z.]+(?::[a-z.]+)?$/, grants: 'grants administration across the Enterprise organization', narrower: [], when: 'a tool really administers the organization', rarelyNeeded: 'only administering an Enterprise organization needs it' },
      { scope: 'client', requiresProvider: true, grants: 'grants the legacy full-client access to everything the user can see and do', narrower: [], when: 'the app cannot move to granular scopes such as \'channels:read\' and \'chat:write\'', rarelyNeeded: 'a legacy grant of everything the user can do; granular scopes serve every Web API method' },
      { scope: 'chat:write.customize', grants: 'grants permission to post under any name and avatar', narrower: ['chat:write'], when: 'messages can appear under the app\'s own name' },
    ],
    // Granular 'resource:action' scopes (the admin ones are catalogued above)
    narrow: [/^(commands|incoming-webhook|identify|identity\.[a-z]+|(app_mentions|assistant|bookmarks|calls|canvases|channels|chat|conversations\.connect|dnd|emoji|files|groups|im|links|lists|metadata\.message|mpim|pins|reactions|reminders|remote_files|search|stars|team|team\.billing|team\.preferences|triggers|usergroups|users|users\.profile|workflow\.steps):(read|write|history|join|manage|execute|public|invite|read\.email|write\.public|write\.topic|write\.invites|read\.public|read\.private|read\.im|read\.mpim|read\.files|read\.users))$/],
    prefixes: [],
    protocolScopes: [],
  },
  scopeMap: {
    callText: /@slack\/|slack\.com\/api|WebClient|\.chat\.postMessage|apiCall\(/i,
    // slack.com serves pages too: only its Web API paths are calls.
    apiUrl: { host: /^slack\.com$/, url: /^https?:\/\/slack\.com\/api\//i },
  },
});
