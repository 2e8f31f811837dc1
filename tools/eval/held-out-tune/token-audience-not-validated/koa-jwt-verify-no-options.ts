// Koa middleware in front of /mcp verifying bearer tokens with jsonwebtoken and no options — AUTH audience MUST.
import Koa from 'koa';
import jwt from 'jsonwebtoken';

const app = new Koa();
const ISSUER_PUBLIC_KEY = process.env.ISSUER_PUBLIC_KEY!.replace(/\\n/g, '\n');

app.use(async (ctx, next) => {
  if (ctx.path !== '/mcp') return next();
  const auth = ctx.headers.authorization;
  if (!auth || !auth.startsWith('Bearer ')) {
    ctx.status = 401;
    ctx.set('WWW-Authenticate', 'Bearer');
    return;
  }
  try {
    // held-out: token-audience-not-validated
    const decoded = jwt.verify(auth.substring(7), ISSUER_PUBLIC_KEY) as { sub: string; scope?: string };
    ctx.state.user = decoded.sub;
  } catch {
    ctx.status = 401;
    return;
  }
  await next();
});

app.listen(Number(process.env.PORT) || 3000);
