// held-out: clean — the incoming token is only the subject_token of an RFC 8693 exchange; the upstream call uses the exchanged token
// Express MCP server whose tool exchanges the client's token for a token with the reporting API's audience before calling it (MCP 2026-07-28 authorization, token handling: "a separate token, issued by the upstream authorization server").
import express from 'express';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { verifier } from './verifier.js';

const TOKEN_ENDPOINT = 'https://idp.example.com/oauth2/token';

async function exchange(subjectToken: string, audience: string): Promise<string> {
  const res = await fetch(TOKEN_ENDPOINT, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Authorization: 'Basic ' + Buffer.from(`${process.env.MCP_CLIENT_ID}:${process.env.MCP_CLIENT_SECRET}`).toString('base64'),
    },
    body: new URLSearchParams({
      grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
      subject_token: subjectToken,
      subject_token_type: 'urn:ietf:params:oauth:token-type:access_token',
      audience,
      scope: 'reports.read',
    }),
  });
  if (!res.ok) throw new Error(`token exchange failed: ${res.status}`);
  const { access_token } = (await res.json()) as { access_token: string };
  return access_token;
}

const app = express();
app.use(express.json());

app.post('/mcp/tools/monthly_report', requireBearerAuth({ verifier }), async (req, res) => {
  const reportsToken = await exchange(req.auth!.token, 'https://reports.example.com');
  const report = await fetch(`https://reports.example.com/v1/monthly?month=${encodeURIComponent(req.body.arguments.month)}`, {
    headers: { Authorization: `Bearer ${reportsToken}` },
  });
  res.json({ content: [{ type: 'text', text: await report.text() }] });
});

app.listen(8088);
