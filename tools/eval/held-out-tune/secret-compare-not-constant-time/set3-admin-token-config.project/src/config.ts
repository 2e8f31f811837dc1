// Configuration: reads the admin token and the port from the environment once
export const ADMIN_TOKEN = process.env.MCP_ADMIN_TOKEN ?? '';
export const PORT = Number(process.env.PORT ?? 3000);
export const ALLOWED_ORIGINS = (process.env.ALLOWED_ORIGINS ?? 'http://localhost:6274').split(',');

if (ADMIN_TOKEN.length < 32) {
  throw new Error('MCP_ADMIN_TOKEN must be at least 32 characters');
}
