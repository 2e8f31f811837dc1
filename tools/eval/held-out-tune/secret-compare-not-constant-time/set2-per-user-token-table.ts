// Multi-user MCP gateway that looks the user up by name and compares their stored API token with the presented one by === (CWE-208; MCP security considerations).
import express from 'express';
import { loadUsers } from './users.js';
import { routeToUpstream } from './gateway.js';

interface UserRecord {
  name: string;
  apiToken: string;
  upstreams: string[];
}

const users: Record<string, UserRecord> = await loadUsers();
const app = express();
app.use(express.json());

app.post('/mcp/:user', async (req, res) => {
  const record = users[req.params.user];
  const presentedToken = req.get('authorization')?.replace('Bearer ', '');
  // held-out: secret-compare-not-constant-time
  if (!record || record.apiToken === undefined || record.apiToken !== presentedToken) {
    res.status(401).json({ error: 'unknown user or token' });
    return;
  }
  await routeToUpstream(record, req, res);
});

app.listen(4500);
