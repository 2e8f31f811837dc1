// token-passthrough: the bearer token from the MCP request is set as the Google API client's access_token — SEC "The MCP server MUST NOT pass through the token it received from the MCP client."
import express from 'express';
import { google } from 'googleapis';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { tokenVerifier } from './auth/verifier.mjs';

const app = express();
app.use(express.json());

app.get(
  '/api/calendar/upcoming',
  requireBearerAuth({ verifier: tokenVerifier, requiredScopes: ['calendar.read'] }),
  async (req, res) => {
    const oauth2 = new google.auth.OAuth2(process.env.GOOGLE_CLIENT_ID, process.env.GOOGLE_CLIENT_SECRET);
    // held-out: token-passthrough
    oauth2.setCredentials({ access_token: req.auth.token });
    const calendar = google.calendar({ version: 'v3', auth: oauth2 });
    const events = await calendar.events.list({ calendarId: 'primary', timeMin: new Date().toISOString(), maxResults: 10 });
    res.json(events.data.items ?? []);
  },
);

app.listen(Number(process.env.PORT ?? 3000));
