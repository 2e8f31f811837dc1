// Express wiring for login.ts and callback.ts.
import express from 'express';
import cookieParser from 'cookie-parser';
import session from 'express-session';
import { login } from './login.js';
import { callback } from './callback.js';

const app = express();
app.use(cookieParser(process.env.COOKIE_SECRET), session({ secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false }));
app.get('/login', login);
app.get('/callback', callback);
app.listen(3000);
