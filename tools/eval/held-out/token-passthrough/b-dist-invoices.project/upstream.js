// tsc output (dist/upstream.js): helper that puts whatever token it is given into the Authorization header of the ledger API call.
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
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.listInvoices = listInvoices;
const axios_1 = __importDefault(require("axios"));
const LEDGER_URL = process.env.LEDGER_URL || "https://ledger.example.com/api";
function listInvoices(bearer, customerId) {
    return __awaiter(this, void 0, void 0, function* () {
        const res = yield axios_1.default.get(`${LEDGER_URL}/customers/${customerId}/invoices`, {
            // held-out: token-passthrough
            headers: { Authorization: `Bearer ${bearer}` },
            timeout: 10000,
        });
        return res.data;
    });
}
//# sourceMappingURL=upstream.js.map
