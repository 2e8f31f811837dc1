// Jira REST helper used by server.ts; the credential argument is whatever the caller hands in.
const JIRA_SITE = process.env.JIRA_SITE ?? 'https://acme.atlassian.net';

export interface Hit {
  key: string;
  summary: string;
}

export async function searchIssues(jql: string, accessToken: string): Promise<Hit[]> {
  const url = new URL('/rest/api/3/search', JIRA_SITE);
  url.searchParams.set('jql', jql);
  const res = await fetch(url, {
    headers: {
      Accept: 'application/json',
      // held-out: token-passthrough
      Authorization: 'Bearer ' + accessToken,
    },
  });
  if (!res.ok) throw new Error(`jira ${res.status}`);
  const body = (await res.json()) as { issues: Array<{ key: string; fields: { summary: string } }> };
  return body.issues.map((i) => ({ key: i.key, summary: i.fields.summary }));
}
