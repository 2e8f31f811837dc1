// Small id helpers of an MCP server (request ids, temp names): randomId is built on Math.random and Date.now
export function randomId(prefix = '') {
  const time = Date.now().toString(36);
  const noise = Math.random().toString(36).slice(2, 10);
  return `${prefix}${time}${noise}`;
}

export function requestId() {
  return randomId('req_');
}

export function tempFileName(ext) {
  return `${randomId('tmp_')}.${ext}`;
}

export function shortHash(text) {
  let hash = 0;
  for (let i = 0; i < text.length; i++) {
    hash = (hash * 31 + text.charCodeAt(i)) | 0;
  }
  return (hash >>> 0).toString(16);
}
