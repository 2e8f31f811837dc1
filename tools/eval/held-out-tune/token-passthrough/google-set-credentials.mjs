// Express route behind requireBearerAuth that hands req.auth.token to googleapis' OAuth2 client — AUTH: the upstream token "is a separate token, issued by the upstream authorization server".
import express from 'express';
import { google } from 'googleapis';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { verifier } from './verifier.mjs';

const router = express.Router();
router.use(requireBearerAuth({ verifier, requiredScopes: ['calendar'] }));

router.get('/events/today', async (req, res) => {
  const oauth2Client = new google.auth.OAuth2();
  // held-out: token-passthrough
  oauth2Client.setCredentials({ access_token: req.auth.token });
  const calendar = google.calendar({ version: 'v3', auth: oauth2Client });
  const start = new Date();
  start.setHours(0, 0, 0, 0);
  const { data } = await calendar.events.list({ calendarId: 'primary', timeMin: start.toISOString(), singleEvents: true });
  res.json(data.items ?? []);
});

export default router;
