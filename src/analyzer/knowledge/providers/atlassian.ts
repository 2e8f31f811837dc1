/**
 * Atlassian (Jira, Confluence) OAuth 2.0 (3LO). Sources: Atlassian Developer "OAuth 2.0 (3LO)
 * apps" (endpoints) and the Jira and Confluence scope references (classic and granular scopes).
 * Facts only.
 */
import { defineProvider } from './record.js';

export const ATLASSIAN = defineProvider({
  id: 'atlassian',
  displayName: 'Atlassian',
  sources: [
    'https://developer.atlassian.com/cloud/jira/platform/oauth-2-3lo-apps/',
    'https://developer.atlassian.com/cloud/jira/platform/scopes-for-oauth-2-3LO-and-forge-apps/',
    'https://developer.atlassian.com/cloud/confluence/scopes-for-oauth-2-3LO-and-forge-apps/',
  ],
  licence: 'facts (Atlassian developer documentation)',
  hosts: /^(auth|api)\.atlassian\.com$/i,
  endpoints: {
    authorize: ['https://auth.atlassian.com/authorize'],
    token: ['https://auth.atlassian.com/oauth/token'],
  },
  // Its authorize and token paths are the conventional '/authorize' and '/oauth/token'.
  paths: { authorize: [], token: [], device: [] },
  configNames: ['atlassian', 'jira', 'confluence'],
  libraries: {
    oauth: [],
    arcticClass: 'Atlassian',
    passportStrategies: [],
  },
  scopes: {
    // Classic scopes
    broad: [
      { scope: 'manage:jira-configuration', grants: 'grants administration of the Jira site, its settings, workflows and permission schemes', narrower: [], when: 'a tool really administers Jira', rarelyNeeded: 'only administering the Jira site needs it' },
      { scope: 'manage:confluence-configuration', grants: 'grants administration of the Confluence site and its global settings', narrower: [], when: 'a tool really administers Confluence', rarelyNeeded: 'only administering the Confluence site needs it' },
      { scope: 'manage:jira-project', grants: 'grants creating, changing and deleting Jira projects and their settings', narrower: ['read:jira-work'], when: 'the tools only read projects and issues' },
    ],
    // Classic and granular read scopes
    narrow: [/^(read:jira-work|read:jira-user|read:me|read:account|read:confluence-[a-z.-]+|search:confluence|read:[a-z.-]+:(jira|confluence|jira-service-management))$/],
    prefixes: [],
    protocolScopes: [],
  },
});
