/**
 * GitHub (github.com and GitHub Enterprise). Sources: GitHub Docs "Authorizing OAuth apps"
 * (endpoints, device flow) and "Scopes for OAuth apps" (scope catalogue); package names from
 * the npm registry. Facts only; GitHub Docs are CC-BY-4.0.
 */
import { defineProvider } from './record.js';

export const GITHUB = defineProvider({
  id: 'github',
  displayName: 'GitHub',
  sources: [
    'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps',
    'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps',
  ],
  licence: 'facts (GitHub Docs, CC-BY-4.0)',
  hosts: /(^|\.)github\.com$/i,
  endpoints: {
    authorize: ['https://github.com/login/oauth/authorize'],
    token: ['https://github.com/login/oauth/access_token'],
    device: ['https://github.com/login/device/code'],
  },
  paths: {
    authorize: [/\/login\/oauth\/authorize\/?$/i],
    token: [/\/login\/oauth\/access_token\/?$/i],
    device: [/\/login\/device\/code\/?$/i],
  },
  configNames: ['github', 'githubenterprise'],
  libraries: {
    oauth: [
      { library: '@octokit/oauth-app', modules: ['@octokit/oauth-app', 'octokit'] },
      { library: '@octokit/oauth-methods', modules: ['@octokit/oauth-methods'] },
    ],
    arcticClass: 'GitHub',
    passportStrategies: ['passport-github2', 'passport-github'],
    passportName: 'github',
  },
  scopes: {
    broad: [
      { scope: 'repo', grants: 'grants read and write access to all public and private repositories', narrower: ['public_repo'], when: 'the tools only need public repositories (or use a fine-grained token limited to the repositories they touch)' },
      { scope: 'user', requiresProvider: true, grants: 'grants read and write access to the user profile', narrower: ['read:user', 'user:email'], when: 'the tools only read the profile or the email address', rarelyNeeded: 'beyond read:user and user:email it only adds writing the profile and following users' },
      { scope: 'admin:org', grants: 'grants full control of organizations, their teams and memberships', narrower: ['read:org'], when: 'the tools only read organization membership', rarelyNeeded: 'beyond read:org and write:org it only adds administering organizations' },
      { scope: 'write:org', grants: 'grants write access to organization and team membership', narrower: ['read:org'], when: 'the tools only read organization membership' },
      { scope: 'delete_repo', grants: 'grants permission to delete repositories', narrower: [], when: 'a tool really deletes repositories', rarelyNeeded: 'only deleting repositories needs it' },
      { scope: 'admin:repo_hook', grants: 'grants read, write and delete access to repository webhooks', narrower: ['read:repo_hook'], when: 'the tools only read webhooks' },
      { scope: 'admin:org_hook', grants: 'grants read, write and delete access to organization webhooks', narrower: [], when: 'a tool really manages organization webhooks', rarelyNeeded: 'only managing organization webhooks needs it' },
      { scope: 'admin:public_key', grants: 'grants full control of the user\'s SSH keys', narrower: ['read:public_key'], when: 'the tools only list keys', rarelyNeeded: 'beyond read and write it only adds deleting the user\'s SSH keys' },
      { scope: 'admin:gpg_key', grants: 'grants full control of the user\'s GPG keys', narrower: ['read:gpg_key'], when: 'the tools only list keys', rarelyNeeded: 'beyond read and write it only adds deleting the user\'s GPG keys' },
      { scope: 'admin:enterprise', grants: 'grants full control of enterprises', narrower: ['read:enterprise'], when: 'the tools only read enterprise data', rarelyNeeded: 'only administering enterprises needs it' },
      { scope: 'workflow', requiresProvider: true, grants: 'grants permission to change GitHub Actions workflow files', narrower: [], when: 'a tool really edits workflow files' },
      { scope: 'write:packages', grants: 'grants permission to publish packages', narrower: ['read:packages'], when: 'the tools only download packages' },
      { scope: 'delete:packages', grants: 'grants permission to delete packages', narrower: ['read:packages'], when: 'the tools only download packages', rarelyNeeded: 'only deleting packages needs it' },
      { scope: 'site_admin', grants: 'grants site administrator access to GitHub Enterprise Server', narrower: [], when: 'a tool really administers the server', rarelyNeeded: 'only administering a GitHub Enterprise Server needs it' },
    ],
    // Read forms, and write forms narrower than the admin ones
    narrow: [/^(public_repo|repo:status|repo_deployment|repo:invite|security_events|gist|notifications|codespace|copilot|project|read:project|user:email|user:follow|read:user|read:org|read:repo_hook|write:repo_hook|read:org_hook|read:packages|read:discussion|write:discussion|read:public_key|write:public_key|read:gpg_key|write:gpg_key|read:enterprise|read:audit_log|read:ssh_signing_key|write:ssh_signing_key)$/],
    prefixes: [],
    protocolScopes: [],
  },
  scopeMap: { callText: /octokit|api\.github\.com|getOctokit/i, apiUrl: { host: /^api\.github\.com$/ } },
});
