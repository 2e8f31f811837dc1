// held-out: clean — the incoming Authorization header is only hashed into a rate-limit key; the upstream call uses the Worker's own secret binding
// Cloudflare Worker on Hono: the caller's bearer token never leaves the Worker; the translation API gets TRANSLATE_KEY (SEC: token passthrough).
import { Hono } from 'hono';

type Bindings = { TRANSLATE_KEY: string; RATE: KVNamespace };
const app = new Hono<{ Bindings: Bindings }>();

async function sha256Hex(input: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(input));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

app.post('/mcp/translate', async (c) => {
  const authz = c.req.header('authorization') ?? '';
  const bucket = `rl:${await sha256Hex(authz)}`;
  const used = Number((await c.env.RATE.get(bucket)) ?? '0');
  if (used > 100) return c.json({ error: 'rate limited' }, 429);
  await c.env.RATE.put(bucket, String(used + 1), { expirationTtl: 60 });

  const { text, target } = await c.req.json<{ text: string; target: string }>();
  const r = await fetch('https://translate.vendor.example/v2/translate', {
    method: 'POST',
    headers: { Authorization: `DeepL-Auth-Key ${c.env.TRANSLATE_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ text: [text], target_lang: target }),
  });
  return c.json(await r.json());
});

export default app;
