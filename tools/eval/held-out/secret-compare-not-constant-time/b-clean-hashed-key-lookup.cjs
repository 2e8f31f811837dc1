// held-out: clean — presented API keys are SHA-256 hashed and the digests compared, so equality timing reveals nothing about the stored key (the rule's "comparing hashes" fix).
// CommonJS Koa middleware of a multi-tenant MCP server storing only hashes of issued API keys.
'use strict';

const crypto = require('node:crypto');
const { tenants } = require('./tenants');

function sha256Hex(value) {
  return crypto.createHash('sha256').update(value, 'utf8').digest('hex');
}

module.exports = async function tenantKeyAuth(ctx, next) {
  const raw = ctx.get('x-api-key');
  const tenantId = ctx.get('x-tenant-id');
  const tenant = raw && tenantId ? await tenants.byId(tenantId) : null;
  if (!tenant || sha256Hex(raw) !== tenant.apiKeySha256) {
    ctx.status = 401;
    ctx.body = { error: 'unauthorized' };
    return;
  }
  ctx.state.tenant = tenant;
  await next();
};
