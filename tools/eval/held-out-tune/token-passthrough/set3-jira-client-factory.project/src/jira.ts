// Generic Jira Cloud REST client: takes whatever OAuth access token its caller supplies
export interface JiraIssue {
  key: string;
  fields: { summary: string; status: { name: string } };
}

export function createJiraClient(cloudId: string, accessToken: string) {
  const base = `https://api.atlassian.com/ex/jira/${cloudId}/rest/api/3`;
  const request = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
    const res = await fetch(`${base}${path}`, {
      ...init,
      headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/json', 'Content-Type': 'application/json' },
    });
    if (!res.ok) throw new Error(`Jira ${res.status}`);
    return (await res.json()) as T;
  };
  return {
    search: (jql: string) => request<{ issues: JiraIssue[] }>(`/search?jql=${encodeURIComponent(jql)}&maxResults=25`),
    comment: (key: string, text: string) =>
      request(`/issue/${key}/comment`, {
        method: 'POST',
        body: JSON.stringify({ body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] } }),
      }),
  };
}
