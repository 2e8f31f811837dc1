// Microsoft Graph helper; its token argument is the OBO token from obo.ts.
export async function listMessages(graphToken: string, top: number): Promise<Array<{ subject: string }>> {
  const res = await fetch(`https://graph.microsoft.com/v1.0/me/messages?$top=${top}&$select=subject`, {
    headers: { Authorization: `Bearer ${graphToken}` },
  });
  const body = (await res.json()) as { value: Array<{ subject: string }> };
  return body.value;
}
