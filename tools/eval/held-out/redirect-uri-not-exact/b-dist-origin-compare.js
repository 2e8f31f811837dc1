// tsc output (dist/oauth/redirect.js) of an MCP authorization server: a redirect_uri passes when its origin matches a registered URI, whatever its path — spec (security considerations): "Authorization servers MUST validate exact redirect URIs against pre-registered values."
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isRegisteredRedirect = isRegisteredRedirect;
exports.resolveRedirect = resolveRedirect;
const errors_js_1 = require("@modelcontextprotocol/sdk/server/auth/errors.js");
function isRegisteredRedirect(client, candidate) {
    let requested;
    try {
        requested = new URL(candidate);
    }
    catch (_a) {
        return false;
    }
    // held-out: redirect-uri-not-exact
    return client.redirect_uris.some((r) => new URL(r).origin === requested.origin);
}
function resolveRedirect(client, candidate) {
    if (candidate === undefined) {
        if (client.redirect_uris.length !== 1) {
            throw new errors_js_1.InvalidRequestError("redirect_uri required");
        }
        return client.redirect_uris[0];
    }
    if (!isRegisteredRedirect(client, candidate)) {
        throw new errors_js_1.InvalidRequestError("Unregistered redirect_uri");
    }
    return candidate;
}
//# sourceMappingURL=redirect.js.map
