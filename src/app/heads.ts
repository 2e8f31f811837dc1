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
  /** Every SHA seen with the newest `updated_at`: GitHub's timestamps have one-second resolution, so two pushes can tie. */
  shas: string[];
  updatedAt: string;
}

export class PullRequestHeads {
  private readonly heads = new Map<string, Head>();

  constructor(private readonly capacity = 10_000) {}

  record(repo: RepoKey, pullNumber: number, sha: string, updatedAt: string): void {
    const key = keyOf(repo, pullNumber);
    const current = this.heads.get(key);
    const order = current ? Date.parse(updatedAt) - Date.parse(current.updatedAt) : 1;
    if (order < 0 || Number.isNaN(order)) return;
    // A tie cannot tell which push came last: keep both as heads, so neither cancels the other.
    const shas = order === 0 && current ? (current.shas.includes(sha) ? current.shas : [...current.shas, sha]) : [sha];
    this.heads.delete(key);
    this.heads.set(key, { shas, updatedAt });
    if (this.heads.size > this.capacity) this.heads.delete(this.heads.keys().next().value!);
  }

  /** A newer head SHA when `sha` is known to be no longer the PR's head, else undefined (also when it ties for newest). */
  newerThan(repo: RepoKey, pullNumber: number, sha: string): string | undefined {
    const current = this.heads.get(keyOf(repo, pullNumber));
    return current && !current.shas.includes(sha) ? current.shas[current.shas.length - 1] : undefined;
  }
}

function keyOf(repo: RepoKey, pullNumber: number): string {
  return `${repo.owner.toLowerCase()}/${repo.repo.toLowerCase()}#${pullNumber}`;
}
