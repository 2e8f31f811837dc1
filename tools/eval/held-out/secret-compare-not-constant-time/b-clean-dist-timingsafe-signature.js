// held-out: clean — tsc output (dist/webhooks.js): the HMAC signature is compared with (0, crypto_1.timingSafeEqual) on equal-length buffers; the only !== compares lengths.
// Express webhook receiver of an MCP server that reacts to Stripe-like billing events, compiled by tsc.
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.verifySignature = verifySignature;
exports.webhookHandler = webhookHandler;
const crypto_1 = require("crypto");
function verifySignature(rawBody, header, secret) {
    const parts = Object.fromEntries(header.split(",").map((kv) => kv.split("=")));
    const expected = (0, crypto_1.createHmac)("sha256", secret).update(`${parts.t}.${rawBody}`).digest();
    const received = Buffer.from(parts.v1 || "", "hex");
    if (received.length !== expected.length) {
        return false;
    }
    return (0, crypto_1.timingSafeEqual)(received, expected);
}
function webhookHandler(req, res) {
    const sig = String(req.headers["x-billing-signature"] || "");
    if (!verifySignature(req.body.toString("utf8"), sig, process.env.BILLING_WEBHOOK_SECRET)) {
        res.status(400).send("invalid signature");
        return;
    }
    const event = JSON.parse(req.body.toString("utf8"));
    if (event.type === "invoice.paid") {
        req.app.locals.quota.raise(event.data.customer);
    }
    res.status(204).end();
}
//# sourceMappingURL=webhooks.js.map
