// secret-compare-not-constant-time: the token endpoint authenticates confidential clients by comparing client_secret with !== — OAuth 2.1 §2.4 client authentication; RFC 9700 timing-safe comparison of secrets
import express from 'express';
import { clients } from './clients.js';
import { issueTokens } from './tokens.js';

const app = express();
app.use(express.urlencoded({ extended: false }));

app.post('/token', async (req, res) => {
  const { client_id, client_secret, grant_type } = req.body as Record<string, string>;
  const client = await clients.find(client_id);
  if (!client) return res.status(401).json({ error: 'invalid_client' });
  // held-out: secret-compare-not-constant-time
  if (client.client_secret !== client_secret) {
    return res.status(401).json({ error: 'invalid_client' });
  }
  if (grant_type !== 'client_credentials') return res.status(400).json({ error: 'unsupported_grant_type' });
  res.json(await issueTokens(client));
});

app.listen(9000);
