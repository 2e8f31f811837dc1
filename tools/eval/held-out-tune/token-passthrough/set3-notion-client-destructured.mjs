// Notion MCP tool handlers that destructure the token from authInfo and hand it to the Notion SDK as `auth` (SEC, token passthrough: "The access token used at the upstream API is a separate token, issued by the upstream authorization server")
import { Client as NotionClient } from '@notionhq/client';
import { z } from 'zod';

const cache = new Map();

function notionFor(accessToken) {
  let client = cache.get(accessToken);
  if (!client) {
    // held-out: token-passthrough
    client = new NotionClient({ auth: accessToken, notionVersion: '2022-06-28' });
    cache.set(accessToken, client);
  }
  return client;
}

export function registerNotionTools(server) {
  server.tool('search_pages', 'Search Notion pages', { query: z.string() }, async ({ query }, { authInfo: { token: accessToken } = {} }) => {
    const notion = notionFor(accessToken);
    const results = await notion.search({ query, filter: { property: 'object', value: 'page' }, page_size: 10 });
    return { content: [{ type: 'text', text: results.results.map((p) => p.id).join('\n') }] };
  });

  server.tool('append_text', 'Append a paragraph to a page', { pageId: z.string(), text: z.string() }, async ({ pageId, text }, { authInfo }) => {
    const notion = notionFor(authInfo.token);
    await notion.blocks.children.append({
      block_id: pageId,
      children: [{ paragraph: { rich_text: [{ type: 'text', text: { content: text } }] } }],
    });
    return { content: [{ type: 'text', text: 'appended' }] };
  });
}
