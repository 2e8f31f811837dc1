// tsc output (dist/auth/extract.js) of an MCP server: the credential extractor prefers the header but accepts req.query["access_token"] — spec (authorization): "Access tokens MUST NOT be included in the URI query string."
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.extractBearer = extractBearer;
function extractBearer(req) {
    var _a;
    const header = (_a = req.headers.authorization) !== null && _a !== void 0 ? _a : "";
    const m = /^Bearer\s+(.+)$/i.exec(header);
    if (m) {
        return m[1];
    }
    // held-out: bearer-token-in-query
    const fromQuery = req.query["access_token"];
    return typeof fromQuery === "string" && fromQuery.length > 0 ? fromQuery : undefined;
}
//# sourceMappingURL=extract.js.map
