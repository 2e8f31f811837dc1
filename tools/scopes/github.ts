/**
 * GitHub: octokit method → route from `@octokit/plugin-rest-endpoint-methods`
 * (`dist-src/generated/endpoints.js`, MIT), each route given the classic OAuth scopes that allow
 * it by the curated table below. Source of the table: GitHub Docs, "Scopes for OAuth apps"
 * (docs.github.com/en/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps) and the
 * "OAuth app access" notes of the REST reference pages. Reads of repository data need `repo`
 * for private repositories and no scope for public ones; both are given as `repo` or
 * `public_repo` (the corrections mark `public_repo` as public-repositories-only, so it is never
 * proposed in place of `repo`). Routes of GitHub Apps (installations, app manifests) have no
 * classic scope and are left out, as are routes no rule below covers.
 */
import type { ScopeMapEntry } from './format.js';

type Http = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export interface ClassicRule {
  /** Matched against the route's path template. */
  path: RegExp;
  /** HTTP methods the rule applies to (all when omitted). */
  http?: readonly Http[];
  anyOf: string[][];
}

const REPO: string[][] = [['repo'], ['public_repo']];
const NONE: string[][] = [[]];
const READS: readonly Http[] = ['GET'];
const WRITES: readonly Http[] = ['POST', 'PUT', 'PATCH', 'DELETE'];

/** First match wins. */
export const CLASSIC_SCOPE_RULES: readonly ClassicRule[] = [
  { path: /^\/(app|app-manifests|installation|user\/installations|applications)(\/|$)/, anyOf: [] }, // GitHub App routes: no classic scope (left out)
  { path: /^\/repos\/\{owner\}\/\{repo\}$/, http: ['DELETE'], anyOf: [['delete_repo']] },
  { path: /^\/repos\/\{owner\}\/\{repo\}\/hooks/, http: READS, anyOf: [['read:repo_hook'], ['write:repo_hook'], ['admin:repo_hook'], ...REPO] },
  { path: /^\/repos\/\{owner\}\/\{repo\}\/hooks/, http: ['DELETE'], anyOf: [['admin:repo_hook'], ...REPO] },
  { path: /^\/repos\/\{owner\}\/\{repo\}\/hooks/, anyOf: [['write:repo_hook'], ['admin:repo_hook'], ...REPO] },
  { path: /^\/orgs\/\{org\}\/hooks/, anyOf: [['admin:org_hook']] },
  { path: /^\/repos\/\{owner\}\/\{repo\}\/(statuses|commits\/\{ref\}\/status)/, anyOf: [['repo:status'], ...REPO] },
  { path: /^\/repos\/\{owner\}\/\{repo\}\/deployments/, anyOf: [['repo_deployment'], ...REPO] },
  { path: /^\/user\/repository_invitations/, anyOf: [['repo:invite'], ['repo']] },
  { path: /^\/repos\/\{owner\}\/\{repo\}\/(code-scanning|secret-scanning|dependabot\/alerts)/, anyOf: [['security_events'], ['repo']] },
  { path: /^\/repos\/\{owner\}\/\{repo\}\/codespaces|^\/user\/codespaces/, anyOf: [['codespace']] },
  { path: /^\/(repos\/\{owner\}\/\{repo\}\/)?notifications|^\/notifications/, anyOf: [['notifications'], ['repo']] },
  { path: /^\/(repos|repositories)\//, anyOf: REPO },
  { path: /^\/(user|orgs\/\{org\})\/repos$/, anyOf: REPO },
  { path: /^\/(issues|user\/issues|orgs\/\{org\}\/issues)$/, anyOf: REPO },
  { path: /^\/search\/(code|issues|commits)$/, anyOf: REPO },
  { path: /^\/search\//, anyOf: NONE },
  { path: /^\/user\/starred|^\/user\/subscriptions/, http: WRITES, anyOf: REPO },
  { path: /^\/user\/starred|^\/user\/subscriptions/, anyOf: NONE },
  { path: /^\/user\/keys/, http: READS, anyOf: [['read:public_key'], ['write:public_key'], ['admin:public_key']] },
  { path: /^\/user\/keys/, http: ['POST'], anyOf: [['write:public_key'], ['admin:public_key']] },
  { path: /^\/user\/keys/, anyOf: [['admin:public_key']] },
  { path: /^\/user\/gpg_keys/, http: READS, anyOf: [['read:gpg_key'], ['write:gpg_key'], ['admin:gpg_key']] },
  { path: /^\/user\/gpg_keys/, http: ['POST'], anyOf: [['write:gpg_key'], ['admin:gpg_key']] },
  { path: /^\/user\/gpg_keys/, anyOf: [['admin:gpg_key']] },
  { path: /^\/user\/ssh_signing_keys/, http: READS, anyOf: [['read:ssh_signing_key'], ['write:ssh_signing_key'], ['admin:ssh_signing_key']] },
  { path: /^\/user\/ssh_signing_keys/, anyOf: [['write:ssh_signing_key'], ['admin:ssh_signing_key']] },
  { path: /^\/user\/(emails|public_emails)/, http: READS, anyOf: [['user:email'], ['user']] },
  { path: /^\/user\/(emails|public_emails|email\/visibility)/, anyOf: [['user']] },
  { path: /^\/user\/following\//, http: WRITES, anyOf: [['user:follow'], ['user']] },
  { path: /^\/user\/(following|followers)/, anyOf: NONE },
  // GET /user answers the public profile of the token's owner with no scope; read:user adds the private fields.
  { path: /^\/user$/, http: READS, anyOf: [[], ['read:user'], ['user']] },
  { path: /^\/user$/, anyOf: [['user']] },
  { path: /^\/user\/(blocks|social_accounts)/, http: READS, anyOf: [['read:user'], ['user']] },
  { path: /^\/user\/(blocks|social_accounts)/, anyOf: [['user']] },
  { path: /^\/gists$/, http: READS, anyOf: [['gist']] },
  { path: /^\/gists/, http: WRITES, anyOf: [['gist']] },
  { path: /^\/gists/, anyOf: NONE },
  { path: /^\/(user|orgs\/\{org\}|users\/\{username\})\/packages/, http: READS, anyOf: [['read:packages'], ['write:packages'], ['delete:packages']] },
  { path: /^\/(user|orgs\/\{org\}|users\/\{username\})\/packages/, anyOf: [['delete:packages']] },
  { path: /^\/(projects|users\/\{username\}\/projectsV2|orgs\/\{org\}\/projectsV2)/, http: READS, anyOf: [['read:project'], ['project']] },
  { path: /^\/(projects|users\/\{username\}\/projectsV2|orgs\/\{org\}\/projectsV2)/, anyOf: [['project']] },
  { path: /^\/enterprises\//, http: READS, anyOf: [['read:enterprise'], ['admin:enterprise']] },
  { path: /^\/enterprises\//, anyOf: [['admin:enterprise']] },
  { path: /^\/(user\/orgs|user\/memberships\/orgs|user\/teams|orgs\/\{org\}\/(members|memberships|teams|outside_collaborators|public_members|invitations)|teams|organizations\/\{org\}\/team)/, http: READS, anyOf: [['read:org'], ['write:org'], ['admin:org']] },
  { path: /^\/(user\/memberships\/orgs|orgs\/\{org\}\/(members|memberships|teams|outside_collaborators|public_members|invitations)|teams)/, anyOf: [['write:org'], ['admin:org']] },
  { path: /^\/orgs\/\{org\}$/, http: READS, anyOf: NONE },
  { path: /^\/orgs\/\{org\}/, http: READS, anyOf: [['read:org'], ['write:org'], ['admin:org']] },
  { path: /^\/orgs\/\{org\}/, anyOf: [['admin:org']] },
  { path: /^\/(users|rate_limit|meta|emojis|zen|octocat|licenses|gitignore|codes_of_conduct|events|feeds|markdown|networks|repositories$|versions|advisories)/, anyOf: NONE },
];

export function classicScopesOf(http: string, path: string): string[][] | undefined {
  const rule = CLASSIC_SCOPE_RULES.find((candidate) => candidate.path.test(path) && (!candidate.http || candidate.http.includes(http as Http)));
  return rule && rule.anyOf.length ? rule.anyOf : undefined;
}

/** `endpoints`: the default export of endpoints.js, `{ scope: { method: [route, defaults?, decorations?] } }`. */
export function githubEntries(endpoints: Record<string, Record<string, readonly unknown[]>>): { entries: ScopeMapEntry[]; leftOut: number } {
  const entries: ScopeMapEntry[] = [];
  let leftOut = 0;
  for (const namespace of Object.keys(endpoints).sort()) {
    for (const name of Object.keys(endpoints[namespace]!).sort()) {
      const route = endpoints[namespace]![name]![0];
      if (typeof route !== 'string') continue;
      const [http, path] = route.split(' ') as [string, string];
      const anyOf = classicScopesOf(http, path);
      if (!anyOf) {
        leftOut++;
        continue;
      }
      entries.push({ provider: 'github', api: 'rest', method: `${namespace}.${name}`, http, urlTemplate: `https://api.github.com${path}`, anyOf });
    }
  }
  return { entries, leftOut };
}
