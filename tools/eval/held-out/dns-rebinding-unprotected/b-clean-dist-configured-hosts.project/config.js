// held-out: clean — tsc output (dist/config.js): the Host and Origin allow-lists used by http.js name only the loopback addresses of the configured port.
// Configuration of the node:http MCP server compiled by tsc.
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.config = void 0;
const port = Number(process.env.MCP_PORT || 4747);
exports.config = {
    port,
    allowedHosts: [`127.0.0.1:${port}`, `localhost:${port}`],
    allowedOrigins: [`http://127.0.0.1:${port}`, `http://localhost:${port}`],
};
//# sourceMappingURL=config.js.map
