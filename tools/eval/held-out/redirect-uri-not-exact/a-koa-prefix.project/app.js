// Koa app that mounts routes.js.
import Koa from 'koa';
import session from 'koa-session';
import { router } from './routes.js';

const app = new Koa();
app.keys = [process.env.SESSION_KEY];
app.use(session(app)).use(router.routes()).use(router.allowedMethods());
app.listen(9090);
