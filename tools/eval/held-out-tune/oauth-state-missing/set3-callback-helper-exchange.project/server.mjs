// MCP proxy routes: login sends a random state from the session, the callback hands the code to exchangeCode without comparing state — security best practices: "Reject any callback requests where the state parameter is missing or does not match"
import express from 'express';
import session from 'express-session';
import { randomBytes } from 'node:crypto';
import { exchangeCode, authorizeUrl } from './token.mjs';

const REDIRECT_URI = `${process.env.PUBLIC_URL}/google/callback`;
const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: true }));

app.get('/google/login', (req, res) => {
  req.session.googleState = randomBytes(16).toString('hex');
  res.redirect(authorizeUrl(REDIRECT_URI, req.session.googleState));
});

app.get('/google/callback', async (req, res) => {
  const { code, error } = req.query;
  if (error) return res.status(400).send(`Google refused: ${error}`);
  // held-out: oauth-state-missing
  const tokens = await exchangeCode(code, REDIRECT_URI);
  req.session.googleTokens = tokens;
  res.send('Drive connected to the MCP server');
});

app.listen(3000);
