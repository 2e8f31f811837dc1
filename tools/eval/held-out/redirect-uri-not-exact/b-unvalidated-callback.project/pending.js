// In-memory transaction store of the MCP proxy's OAuth flow (single-use take()).
'use strict';

const txns = new Map();
const codes = new Map();

exports.put = (id, value) => txns.set(id, { ...value, at: Date.now() });
exports.take = (id) => {
  const v = txns.get(id);
  txns.delete(id);
  return v && Date.now() - v.at < 600000 ? v : undefined;
};
exports.saveCode = async (code, value) => codes.set(code, value);
