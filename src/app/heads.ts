/**
 * The newest head SHA this process has seen for each pull request, so a run for an older commit
 * can stop instead of spending work (each SHA has its own run, so it could never overwrite the
 * newer result anyway). Ordered by the PR's `updated_at`, so a redelivered old event cannot
 * make an old SHA look newest. Bounded: the oldest entries are forgotten first.
 */
export interface RepoKey {
  owner: string;
  repo: string;
}

interface Head {
  sha: string;
  updatedAt: string;
}

export class PullRequestHeads {
  private readonly heads = new Map<string, Head>();

  constructor(private readonly capacity = 10_000) {}

  record(repo: RepoKey, pullNumber: number, sha: string, updatedAt: string): void {
    const key = keyOf(repo, pullNumber);
    const current = this.heads.get(key);
    if (current && Date.parse(current.updatedAt) > Date.parse(updatedAt)) return;
    this.heads.delete(key);
    this.heads.set(key, { sha, updatedAt });
    if (this.heads.size > this.capacity) this.heads.delete(this.heads.keys().next().value!);
  }

  /** The newer head SHA when `sha` is no longer the PR's head, else undefined. */
  newerThan(repo: RepoKey, pullNumber: number, sha: string): string | undefined {
    const current = this.heads.get(keyOf(repo, pullNumber));
    return current && current.sha !== sha ? current.sha : undefined;
  }
}

function keyOf(repo: RepoKey, pullNumber: number): string {
  return `${repo.owner.toLowerCase()}/${repo.repo.toLowerCase()}#${pullNumber}`;
}
