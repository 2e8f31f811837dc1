// MCP server linking Discord accounts with arctic: createAuthorizationURL gets the current timestamp as its state — MCP 2026-07-28 security best practices (cryptographically secure random state); CWE-330.
import express from 'express';
import { Discord } from 'arctic';

const discord = new Discord(process.env.DISCORD_CLIENT_ID!, process.env.DISCORD_CLIENT_SECRET!, 'https://discord-mcp.example.com/discord/callback');
const router = express.Router();

router.get('/discord/link', (req, res) => {
  // held-out: oauth-state-missing
  const state = `${req.session!.userId}-${new Date().getTime()}`;
  req.session!.discordState = state;
  const url = discord.createAuthorizationURL(state, null, ['identify', 'guilds']);
  res.redirect(url.toString());
});

router.get('/discord/callback', async (req, res) => {
  if (req.query.state !== req.session!.discordState) return res.status(400).send('invalid state');
  const tokens = await discord.validateAuthorizationCode(String(req.query.code), null);
  req.session!.discordAccess = tokens.accessToken();
  res.send('Discord linked');
});

export default router;
