/**
 * The repository and pull-request JSON that REST responses and webhook payloads describe alike. Each is written over
 * a template from GitHub's own examples, so the fields the simulator does not model keep GitHub's shapes.
 */
import type { SimulatedPullRequest, SimulatedRepository } from './world.js';

type Json = Record<string, unknown>;

/** Where links in the JSON lead: the API root the client uses and the simulator's web root. */
export interface LinkRoots {
  api: string;
  web: string;
}

type RepositoryFields = Pick<SimulatedRepository, 'id' | 'owner' | 'name' | 'private' | 'defaultBranch'>;
type PullRequestFields = Pick<SimulatedPullRequest, 'id' | 'number' | 'title' | 'state' | 'draft' | 'headRef' | 'headSha' | 'baseRef' | 'baseSha' | 'headRepositoryFullName'>;

/** The simulated repository over `template` (a repository object from one of GitHub's examples). */
export function repositoryJson(template: Json, repository: RepositoryFields, roots: LinkRoots): Json {
  const fullName = `${repository.owner}/${repository.name}`;
  return {
    ...template,
    id: repository.id,
    node_id: Buffer.from(`Repository:${repository.id}`).toString('base64'),
    name: repository.name,
    full_name: fullName,
    owner: { ...(template.owner as Json), login: repository.owner },
    private: repository.private,
    html_url: `${roots.web}/${fullName}`,
    url: `${roots.api}/repos/${fullName}`,
    default_branch: repository.defaultBranch,
  };
}

/**
 * The simulated PR over `example` (a pull request from one of GitHub's examples): its identity and links, and its
 * `head` and `base` with refs, commits, owners and repositories. The head repository is the base one, or for a PR
 * from a fork a repository of its own that says it is a fork.
 */
export function pullRequestJson(example: Json, pull: PullRequestFields, repository: RepositoryFields, baseRepository: Json, roots: LinkRoots): Json {
  const fullName = `${repository.owner}/${repository.name}`;
  const [headOwner, headName] = pull.headRepositoryFullName.split('/') as [string, string];
  const headRepository =
    pull.headRepositoryFullName === fullName
      ? baseRepository
      : {
          ...baseRepository,
          id: repository.id + 1_000_000,
          name: headName,
          full_name: pull.headRepositoryFullName,
          owner: { ...(baseRepository.owner as Json), login: headOwner },
          fork: true,
          html_url: `${roots.web}/${pull.headRepositoryFullName}`,
          url: `${roots.api}/repos/${pull.headRepositoryFullName}`,
        };
  const side = (template: Json, ref: string, sha: string, repo: Json, owner: string): Json => ({
    ...template,
    label: `${owner}:${ref}`,
    ref,
    sha,
    repo,
    user: { ...(template.user as Json), login: owner },
  });
  return {
    ...example,
    id: pull.id,
    node_id: Buffer.from(`PullRequest:${pull.id}`).toString('base64'),
    number: pull.number,
    title: pull.title,
    state: pull.state,
    draft: pull.draft,
    url: `${roots.api}/repos/${fullName}/pulls/${pull.number}`,
    html_url: `${roots.web}/${fullName}/pull/${pull.number}`,
    head: side(example.head as Json, pull.headRef, pull.headSha, headRepository, headOwner),
    base: side(example.base as Json, pull.baseRef, pull.baseSha, baseRepository, repository.owner),
  };
}

/** The size fields of a full pull request object. */
export function pullRequestFileStats(files: SimulatedPullRequest['files']): { additions: number; deletions: number; changed_files: number } {
  return {
    additions: files.reduce((sum, file) => sum + file.additions, 0),
    deletions: files.reduce((sum, file) => sum + file.deletions, 0),
    changed_files: files.length,
  };
}
