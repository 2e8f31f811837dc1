// Token helper of the Notion MCP server: redeems an authorization code at Notion's token endpoint.
const REDIRECT_URI = 'https://notion-mcp.example.com/notion/callback';

export async function exchangeCode(code) {
  const res = await fetch('https://api.notion.com/v1/oauth/token', {
    method: 'POST',
    headers: {
      Authorization: `Basic ${Buffer.from(`${process.env.NOTION_CLIENT_ID}:${process.env.NOTION_CLIENT_SECRET}`).toString('base64')}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI }),
  });
  if (!res.ok) throw new Error(`notion token endpoint: ${res.status}`);
  return res.json();
}
