// Callback half of the Asana connection: redeems the code through a helper module without comparing the returned state with req.session.asanaState; MCP BP: "Reject any callback requests where the state parameter is missing or does not match".
import type { Request, Response } from 'express';
import { exchangeAsanaCode } from './asana-client.js';
import { saveConnection } from './connections.js';

export async function asanaCallback(req: Request, res: Response) {
  if (typeof req.query.code !== 'string') return res.status(400).send('missing code');
  // held-out: oauth-state-missing
  const tokens = await exchangeAsanaCode(req.query.code);
  await saveConnection(req.user!.id, 'asana', tokens);
  res.redirect('/integrations?connected=asana');
}
