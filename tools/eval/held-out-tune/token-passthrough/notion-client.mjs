// ESM tool handler that creates a Notion SDK client from the bearer token of the MCP request — AUTH token handling: no passthrough to upstream APIs.
import { Client } from '@notionhq/client';

export function makeHandlers() {
  return {
    async append_block(req, res) {
      const raw = req.headers.authorization || '';
      const userToken = raw.slice('Bearer '.length);
      // held-out: token-passthrough
      const notion = new Client({ auth: userToken });
      const { pageId, text } = req.body;
      await notion.blocks.children.append({
        block_id: pageId,
        children: [{ paragraph: { rich_text: [{ text: { content: text } }] } }],
      });
      res.json({ ok: true });
    },
  };
}
