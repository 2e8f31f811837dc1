// Next.js route handler (app/api/cron/rotate-keys/route.ts) of a hosted MCP server, protected by a CRON_SECRET compared with !== — secrets must be compared in constant time.
import { NextResponse } from 'next/server';
import { rotateSigningKeys } from '@/lib/keys';

export async function GET(request: Request) {
  const authHeader = request.headers.get('authorization');
  // held-out: secret-compare-not-constant-time
  if (authHeader !== `Bearer ${process.env.CRON_SECRET}`) {
    return NextResponse.json({ error: 'unauthorized' }, { status: 401 });
  }
  const rotated = await rotateSigningKeys();
  return NextResponse.json({ rotated });
}
