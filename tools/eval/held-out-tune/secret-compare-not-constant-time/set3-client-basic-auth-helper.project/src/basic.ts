// Helper: parses RFC 6749 §2.3.1 client_secret_basic credentials from an Authorization header
export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

export function parseClientBasic(authorization: string | undefined): ClientCredentials | null {
  if (!authorization?.startsWith('Basic ')) return null;
  const decoded = Buffer.from(authorization.slice('Basic '.length), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return null;
  return {
    clientId: decodeURIComponent(decoded.slice(0, colon)),
    clientSecret: decodeURIComponent(decoded.slice(colon + 1)),
  };
}
