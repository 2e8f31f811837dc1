/**
 * GitLab (gitlab.com and self-managed instances). Sources: GitLab Docs "OAuth 2.0 identity
 * provider API" (endpoints) and "Configure GitLab as an OAuth 2.0 authentication identity
 * provider" (scopes). Facts only; GitLab's documentation is CC-BY-SA-4.0.
 */
import { defineProvider } from './record.js';

export const GITLAB = defineProvider({
  id: 'gitlab',
  displayName: 'GitLab',
  sources: ['https://docs.gitlab.com/api/oauth2/', 'https://docs.gitlab.com/integration/oauth_provider/'],
  licence: 'facts (GitLab Docs, CC-BY-SA-4.0)',
  hosts: /(^|\.)gitlab\.(com|[a-z.]+)$|^gitlab\./i,
  endpoints: {
    authorize: ['https://gitlab.com/oauth/authorize'],
    token: ['https://gitlab.com/oauth/token'],
  },
  // Its authorize and token paths are the conventional '/oauth/authorize' and '/oauth/token'.
  paths: { authorize: [], token: [], device: [] },
  configNames: ['gitlab'],
  libraries: {
    oauth: [],
    arcticClass: 'GitLab',
    passportStrategies: ['passport-gitlab2'],
    passportName: 'gitlab',
  },
  scopes: {
    broad: [
      { scope: 'api', requiresProvider: true, grants: 'grants complete read and write access to the API, including all groups, projects and the registry', narrower: ['read_api'], when: 'the tools only read' },
      { scope: 'write_repository', grants: 'grants push access to every repository the user can reach', narrower: ['read_repository'], when: 'the tools only read repositories' },
      { scope: 'write_registry', grants: 'grants push access to container registries', narrower: ['read_registry'], when: 'the tools only pull images' },
      { scope: 'sudo', requiresProvider: true, grants: 'grants permission to act as any user when the user is an administrator', narrower: [], when: 'a tool really impersonates users', rarelyNeeded: 'only impersonating other users needs it' },
      { scope: 'admin_mode', grants: 'grants administrator access to the API when Admin Mode is on', narrower: [], when: 'a tool really administers the instance', rarelyNeeded: 'only administering the instance needs it' },
    ],
    narrow: [/^(read_api|read_user|read_repository|read_registry|read_observability|ai_features|create_runner|manage_runner|k8s_proxy)$/],
    prefixes: [],
    protocolScopes: [],
  },
});
