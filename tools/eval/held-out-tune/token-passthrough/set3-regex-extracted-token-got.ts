// Koa MCP server that pulls the bearer token out of the Authorization header with a regular expression and later attaches it to `got` requests to the analytics API (SEC, token passthrough)
import Koa from 'koa';
import Router from '@koa/router';
import bodyParser from 'koa-bodyparser';
import got from 'got';

const ANALYTICS = process.env.ANALYTICS_URL ?? 'https://analytics.example.com/api/v1';

function bearerFrom(header: string | undefined): string | null {
  const match = header?.match(/^Bearer\s+([A-Za-z0-9\-._~+/]+=*)$/);
  return match ? match[1] : null;
}

class AnalyticsApi {
  constructor(private readonly userToken: string) {}

  async report(metric: string, days: number) {
    return got(`${ANALYTICS}/reports/${metric}`, {
      searchParams: { days },
      // held-out: token-passthrough
      headers: { authorization: `Bearer ${this.userToken}` },
    }).json<{ points: Array<[string, number]> }>();
  }
}

const router = new Router();
router.post('/mcp', async (ctx) => {
  const token = bearerFrom(ctx.get('Authorization'));
  if (!token) {
    ctx.status = 401;
    ctx.set('WWW-Authenticate', 'Bearer');
    return;
  }
  const api = new AnalyticsApi(token);
  const { id, method, params } = ctx.request.body as { id: number; method: string; params?: { name: string; arguments: { metric: string; days?: number } } };
  if (method !== 'tools/call' || params?.name !== 'report') {
    ctx.body = { jsonrpc: '2.0', id, error: { code: -32601, message: 'unsupported' } };
    return;
  }
  const data = await api.report(params.arguments.metric, params.arguments.days ?? 7);
  ctx.body = { jsonrpc: '2.0', id, result: { content: [{ type: 'text', text: JSON.stringify(data.points) }] } };
});

new Koa().use(bodyParser()).use(router.routes()).listen(3000);
