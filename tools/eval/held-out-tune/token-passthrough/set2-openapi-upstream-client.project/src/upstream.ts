// Upstream client factory of an OpenAPI-to-MCP bridge: an axios instance bound to one access token.
import axios, { type AxiosInstance } from 'axios';

export function createUpstreamClient(accessToken: string, baseURL = process.env.UPSTREAM_BASE_URL!): AxiosInstance {
  return axios.create({
    baseURL,
    timeout: 15_000,
    headers: { Authorization: `Bearer ${accessToken}`, 'User-Agent': 'openapi-mcp-bridge' },
  });
}
