// held-out: clean — generateAuthUrl gets a crypto.randomUUID() state held server-side per session; the callback checks and deletes it before getToken
// Google Calendar MCP server's account linking (MCP 2026-07-28 security best practices, state parameter).
import express from 'express';
import { randomUUID } from 'node:crypto';
import { google } from 'googleapis';

const oauth2 = new google.auth.OAuth2(process.env.GOOGLE_CLIENT_ID, process.env.GOOGLE_CLIENT_SECRET, 'https://cal-mcp.example.com/google/callback');
const pendingStates = new Map();

const app = express();

app.get('/google/connect', (req, res) => {
  const state = randomUUID();
  pendingStates.set(state, { sessionId: req.sessionID, expires: Date.now() + 10 * 60_000 });
  res.redirect(oauth2.generateAuthUrl({ access_type: 'offline', scope: ['https://www.googleapis.com/auth/calendar.readonly'], state }));
});

app.get('/google/callback', async (req, res) => {
  const entry = pendingStates.get(req.query.state);
  pendingStates.delete(req.query.state);
  if (!entry || entry.sessionId !== req.sessionID || entry.expires < Date.now()) {
    return res.status(400).send('Unknown, expired or foreign state');
  }
  const { tokens } = await oauth2.getToken(req.query.code);
  req.session.googleTokens = tokens;
  res.send('Calendar connected');
});

export default app;
