// Next.js route handler (app/api/ingest/route.ts) of an MCP knowledge server: a shared webhook secret header compared with != (CWE-208)
import { NextResponse } from 'next/server';
import { upsertDocument } from '@/lib/store';

export const runtime = 'nodejs';

export async function POST(request: Request) {
  const secret = request.headers.get('x-webhook-secret');
  // held-out: secret-compare-not-constant-time
  if (secret == null || secret != process.env.INGEST_WEBHOOK_SECRET) {
    return NextResponse.json({ error: 'forbidden' }, { status: 403 });
  }

  const payload = (await request.json()) as { id?: string; title?: string; body?: string };
  if (!payload.id || !payload.body) {
    return NextResponse.json({ error: 'id and body are required' }, { status: 422 });
  }

  await upsertDocument({ id: payload.id, title: payload.title ?? payload.id, body: payload.body });
  return NextResponse.json({ ok: true, id: payload.id });
}

export async function GET() {
  return NextResponse.json({ error: 'method not allowed' }, { status: 405 });
}
