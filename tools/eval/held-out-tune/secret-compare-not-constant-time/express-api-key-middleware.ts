// Express middleware of a remote MCP server comparing the presented API key with the configured one by !==; CWE-208 (observable timing), MCP security considerations: follow OAuth/security best practices for credentials.
import type { RequestHandler } from 'express';

const SERVER_API_KEY = process.env.WEATHER_MCP_API_KEY;
if (!SERVER_API_KEY) throw new Error('WEATHER_MCP_API_KEY is required');

export const requireApiKey: RequestHandler = (req, res, next) => {
  const presentedKey = req.header('X-Api-Key');
  if (!presentedKey) {
    res.status(401).json({ error: 'missing_api_key' });
    return;
  }
  // held-out: secret-compare-not-constant-time
  if (presentedKey !== SERVER_API_KEY) {
    res.status(403).json({ error: 'invalid_api_key' });
    return;
  }
  next();
};
