// ID helpers of a JavaScript-turned-TypeScript MCP server: short identifiers for logs and records.
export function randomId(size = 16): string {
  return Array.from({ length: size }, () => Math.floor(Math.random() * 36).toString(36)).join('');
}

export function requestId(): string {
  return `req_${randomId(10)}`;
}
