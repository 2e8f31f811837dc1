// held-out: clean — the X-Hub-Signature-256 value and the computed HMAC are compared with crypto.timingSafeEqual after a length check, as GitHub documents.
// MCP server receiving GitHub webhooks (node:http); GitHub "validating webhook deliveries", CWE-208.
import http from 'node:http';
import { createHmac, timingSafeEqual } from 'node:crypto';

const secret = process.env.GITHUB_WEBHOOK_SECRET;

function verifySignature(rawBody, signatureHeader) {
  if (typeof signatureHeader !== 'string') return false;
  const expected = Buffer.from('sha256=' + createHmac('sha256', secret).update(rawBody).digest('hex'), 'utf8');
  const received = Buffer.from(signatureHeader, 'utf8');
  return received.length === expected.length && timingSafeEqual(received, expected);
}

http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    if (!verifySignature(body, req.headers['x-hub-signature-256'])) {
      res.writeHead(401).end();
      return;
    }
    res.writeHead(204).end();
  });
}).listen(8080, '127.0.0.1');
