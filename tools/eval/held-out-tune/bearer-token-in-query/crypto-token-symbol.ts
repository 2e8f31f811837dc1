// held-out: clean — `token` here is a crypto-currency symbol the user asks about, not a credential.
// Hono price lookup endpoint of a crypto MCP server with a ?token= symbol parameter — a non-credential "token".
import { Hono } from 'hono';

const app = new Hono<{ Bindings: { COINGECKO_KEY: string } }>();

app.get('/price', async (c) => {
  const symbol = (c.req.query('token') ?? 'eth').toLowerCase();
  const vs = c.req.query('vs') ?? 'usd';
  const res = await fetch(`https://pro-api.coingecko.com/api/v3/simple/price?ids=${encodeURIComponent(symbol)}&vs_currencies=${vs}`, {
    headers: { 'x-cg-pro-api-key': c.env.COINGECKO_KEY },
  });
  const prices = (await res.json()) as Record<string, Record<string, number>>;
  return c.json({ token: symbol, price: prices[symbol]?.[vs] ?? null });
});

export default app;
