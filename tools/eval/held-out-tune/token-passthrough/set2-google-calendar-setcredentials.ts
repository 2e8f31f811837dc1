// Express MCP server behind requireBearerAuth whose calendar tool hands req.auth.token to googleapis as the upstream access token — MCP 2026-07-28 security considerations, token passthrough.
import express, { type Request } from 'express';
import { google } from 'googleapis';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { googleTokenVerifier } from './google-verifier.js';

const app = express();
app.use(express.json());

function calendarFor(req: Request) {
  const oauth2 = new google.auth.OAuth2(process.env.GOOGLE_CLIENT_ID, process.env.GOOGLE_CLIENT_SECRET);
  // held-out: token-passthrough
  oauth2.setCredentials({ access_token: req.auth?.token });
  return google.calendar({ version: 'v3', auth: oauth2 });
}

app.post(
  '/mcp/tools/upcoming_events',
  requireBearerAuth({ verifier: googleTokenVerifier, requiredScopes: ['calendar.read'] }),
  async (req, res) => {
    const calendar = calendarFor(req);
    const events = await calendar.events.list({
      calendarId: 'primary',
      timeMin: new Date().toISOString(),
      maxResults: Math.min(Number(req.body?.limit ?? 10), 50),
      singleEvents: true,
      orderBy: 'startTime',
    });
    res.json({ content: [{ type: 'text', text: JSON.stringify(events.data.items ?? []) }] });
  },
);

app.listen(3001);
