// tsc output (dist/auth.js) of an MCP server protected by a static bearer token compared with !== — secrets and tokens must be compared in constant time.
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.staticTokenAuth = staticTokenAuth;
const config_1 = require("./config");
function staticTokenAuth(req, res, next) {
    var _a;
    const header = (_a = req.headers["authorization"]) !== null && _a !== void 0 ? _a : "";
    const presented = header.startsWith("Bearer ") ? header.substring(7) : "";
    // held-out: secret-compare-not-constant-time
    if (presented.length === 0 || presented !== config_1.config.authToken) {
        res.status(401).json({ jsonrpc: "2.0", error: { code: -32001, message: "Unauthorized" }, id: null });
        return;
    }
    next();
}
//# sourceMappingURL=auth.js.map
