// Koa MCP resource server that trusts RFC 7662 introspection results after checking only `active` and scope, never `aud` — spec (authorization): "MCP servers MUST validate that access tokens were issued specifically for them as the intended audience."
import Koa, { type Context, type Next } from 'koa';

interface IntrospectionResponse {
  active: boolean;
  scope?: string;
  client_id?: string;
  sub?: string;
  aud?: string | string[];
  exp?: number;
}

const INTROSPECTION_URL = 'https://as.example.com/oauth/introspect';

async function introspect(token: string): Promise<IntrospectionResponse> {
  const res = await fetch(INTROSPECTION_URL, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: 'Basic ' + Buffer.from(`${process.env.RS_ID}:${process.env.RS_SECRET}`).toString('base64'),
    },
    body: new URLSearchParams({ token }),
  });
  return (await res.json()) as IntrospectionResponse;
}

export async function authenticate(ctx: Context, next: Next) {
  const raw = ctx.get('authorization').replace(/^Bearer\s+/i, '');
  if (!raw) {
    ctx.status = 401;
    ctx.set('WWW-Authenticate', 'Bearer resource_metadata="https://tickets-mcp.example.com/.well-known/oauth-protected-resource"');
    return;
  }
  const result = await introspect(raw);
  // held-out: token-audience-not-validated
  if (!result.active || !(result.scope ?? '').split(' ').includes('tickets:read')) {
    ctx.status = 401;
    ctx.body = { error: 'invalid_token' };
    return;
  }
  ctx.state.auth = { token: raw, clientId: result.client_id ?? '', scopes: (result.scope ?? '').split(' '), expiresAt: result.exp };
  await next();
}

const app = new Koa();
app.use(authenticate);
export default app;
