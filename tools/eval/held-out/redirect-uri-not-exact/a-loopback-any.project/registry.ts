// Dynamic client registrations kept in memory by the local authorization server.
import type { OAuthClientInformationFull } from '@modelcontextprotocol/sdk/shared/auth.js';

export const registeredClients = new Map<string, OAuthClientInformationFull>();
