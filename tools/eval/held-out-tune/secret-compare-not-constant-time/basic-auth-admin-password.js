// Express MCP admin console guarded by HTTP Basic auth whose password is compared with the configured one by ===; CWE-208.
import express from 'express';

const ADMIN_USER = process.env.MCP_ADMIN_USER || 'admin';
const ADMIN_PASSWORD = process.env.MCP_ADMIN_PASSWORD;

export function adminAuth(req, res, next) {
  const header = req.headers.authorization || '';
  const [user, pass] = Buffer.from(header.replace(/^Basic /, ''), 'base64').toString().split(':');
  // held-out: secret-compare-not-constant-time
  if (user === ADMIN_USER && ADMIN_PASSWORD && pass === ADMIN_PASSWORD) return next();
  res.set('WWW-Authenticate', 'Basic realm="mcp-admin"').status(401).send('Authentication required');
}

export const admin = express.Router();
admin.use(adminAuth);
admin.get('/sessions', (_req, res) => res.json({ sessions: [] }));
