// held-out: clean — tsc output (dist/routes/oauth.js): state is randomBytes(32), kept in an httpOnly cookie, required and compared with timingSafeEqual in the callback, and the cookie is cleared.
// Express OAuth-client routes of a Zoom MCP server, compiled by tsc.
"use strict";
var __awaiter = (this && this.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.start = start;
exports.callback = callback;
const crypto_1 = require("crypto");
const zoom_1 = require("../zoom");
const COOKIE = "zoom_oauth_state";
function start(_req, res) {
    const state = (0, crypto_1.randomBytes)(32).toString("hex");
    res.cookie(COOKIE, state, { httpOnly: true, secure: true, sameSite: "lax", maxAge: 600000 });
    res.redirect(`https://zoom.example/oauth/authorize?response_type=code&client_id=${process.env.ZOOM_CLIENT_ID}&redirect_uri=${encodeURIComponent(zoom_1.REDIRECT_URI)}&state=${state}`);
}
function callback(req, res) {
    return __awaiter(this, void 0, void 0, function* () {
        var _a;
        const expected = Buffer.from(String((_a = req.cookies[COOKIE]) !== null && _a !== void 0 ? _a : ""));
        const received = Buffer.from(String(req.query.state || ""));
        res.clearCookie(COOKIE);
        if (expected.length === 0 || expected.length !== received.length || !(0, crypto_1.timingSafeEqual)(expected, received)) {
            res.status(400).send("state mismatch");
            return;
        }
        yield (0, zoom_1.exchangeAndStore)(req.session.userId, String(req.query.code));
        res.redirect("/connected");
    });
}
//# sourceMappingURL=oauth.js.map
