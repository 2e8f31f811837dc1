// Helper module of a GitHub MCP server: plain REST calls with whatever token the caller provides.
export interface Repo {
  full_name: string;
  private: boolean;
  stargazers_count: number;
}

export async function listRepos(token: string, visibility: 'all' | 'public' | 'private' = 'all'): Promise<Repo[]> {
  const res = await fetch(`https://api.github.com/user/repos?visibility=${visibility}&per_page=100`, {
    headers: {
      Accept: 'application/vnd.github+json',
      Authorization: `token ${token}`,
      'X-GitHub-Api-Version': '2022-11-28',
    },
  });
  if (!res.ok) throw new Error(`GitHub answered ${res.status}`);
  return (await res.json()) as Repo[];
}
