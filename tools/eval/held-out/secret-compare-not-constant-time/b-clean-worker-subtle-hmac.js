// held-out: clean — the Worker verifies the request signature with crypto.subtle.verify('HMAC', …), which compares internally in constant time; no secret is compared with ===.
// Cloudflare Worker that accepts signed job callbacks for an MCP server.
async function hmacKey(secret) {
  return crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
}

function hexToBytes(hex) {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.substr(i * 2, 2), 16);
  return out;
}

export default {
  async fetch(request, env) {
    const signatureHex = request.headers.get('x-signature') || '';
    if (!/^[0-9a-f]{64}$/.test(signatureHex)) return new Response('bad signature', { status: 400 });
    const body = await request.arrayBuffer();
    const valid = await crypto.subtle.verify('HMAC', await hmacKey(env.CALLBACK_SECRET), hexToBytes(signatureHex), body);
    if (!valid) return new Response('bad signature', { status: 401 });
    const job = JSON.parse(new TextDecoder().decode(body));
    await env.JOBS.put(job.id, JSON.stringify({ status: job.status, finishedAt: Date.now() }));
    return new Response(null, { status: 204 });
  },
};
