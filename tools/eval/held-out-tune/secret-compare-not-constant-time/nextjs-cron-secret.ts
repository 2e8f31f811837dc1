// Next.js route handler (app/api/mcp/reindex/route.ts) that protects an admin endpoint of an MCP server by comparing the Authorization header with a bearer secret template by !==; CWE-208.
import { NextResponse } from 'next/server';
import { reindexEmbeddings } from '@/lib/indexer';

export const runtime = 'nodejs';

export async function POST(request: Request) {
  const authorization = request.headers.get('authorization');
  // held-out: secret-compare-not-constant-time
  if (authorization !== `Bearer ${process.env.CRON_SECRET}`) {
    return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });
  }
  const count = await reindexEmbeddings();
  return NextResponse.json({ reindexed: count });
}
