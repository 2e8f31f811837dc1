// token-passthrough: a per-request API client class is constructed from req.auth.token and sends it upstream — SEC "The MCP server MUST NOT pass through the token it received from the MCP client."
import axios, { AxiosInstance } from 'axios';
import type { Request, Response } from 'express';

class BillingApi {
  private http: AxiosInstance;

  constructor(private readonly credential: string) {
    this.http = axios.create({
      baseURL: 'https://billing.internal.example.com/api',
      // held-out: token-passthrough
      headers: { Authorization: `Bearer ${this.credential}` },
      timeout: 5000,
    });
  }

  async invoices(customerId: string) {
    const { data } = await this.http.get(`/customers/${customerId}/invoices`);
    return data;
  }
}

export async function listInvoicesTool(req: Request, res: Response) {
  const api = new BillingApi(req.auth!.token);
  const invoices = await api.invoices(String(req.body.customerId));
  res.json({ content: [{ type: 'text', text: JSON.stringify(invoices) }] });
}
