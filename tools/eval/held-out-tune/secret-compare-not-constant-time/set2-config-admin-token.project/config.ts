// Configuration module: the admin token auth.ts compares against.
export const ADMIN_TOKEN: string = process.env.MCP_ADMIN_TOKEN ?? '';
export const LISTEN_PORT = Number(process.env.PORT ?? 9100);
