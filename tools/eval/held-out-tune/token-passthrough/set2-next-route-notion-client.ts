// Next.js App Router route handler serving MCP tool calls; the incoming bearer token becomes the Notion SDK client's auth — MCP 2026-07-28 authorization, token handling.
import { Client } from '@notionhq/client';
import { NextResponse, type NextRequest } from 'next/server';

export const runtime = 'nodejs';

export async function POST(req: NextRequest) {
  const authz = req.headers.get('authorization');
  const match = authz?.match(/^Bearer (.+)$/);
  if (!match) {
    return NextResponse.json({ error: 'invalid_token' }, { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } });
  }
  const accessToken = match[1];

  const { id, params } = await req.json();
  if (params?.name !== 'append_to_page') {
    return NextResponse.json({ jsonrpc: '2.0', id, error: { code: -32602, message: 'unknown tool' } });
  }

  // held-out: token-passthrough
  const notion = new Client({ auth: accessToken });
  await notion.blocks.children.append({
    block_id: params.arguments.pageId,
    children: [{ paragraph: { rich_text: [{ text: { content: params.arguments.text } }] } }],
  });

  return NextResponse.json({ jsonrpc: '2.0', id, result: { content: [{ type: 'text', text: 'appended' }] } });
}
