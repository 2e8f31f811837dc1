// Configuration of a JavaScript MCP authorization server: the origins its OAuth clients are trusted to use.
export const TRUSTED_ORIGINS = new Set(
  (process.env.TRUSTED_ORIGINS ?? 'https://claude.ai,https://chat.openai.com,http://localhost:6274').split(','),
);
export const CODE_TTL_SECONDS = 60;
