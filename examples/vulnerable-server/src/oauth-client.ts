/**
 * Signs the user in to GitHub and Google so the MCP tools can call their APIs on the user's behalf.
 */
import { OAuth2Client } from 'google-auth-library';
import { saveTokens, type StoredTokens } from './token-store.js';

const GITHUB_CLIENT_ID = process.env.GITHUB_CLIENT_ID ?? '';
const GITHUB_CLIENT_SECRET = process.env.GITHUB_CLIENT_SECRET ?? '';
const REDIRECT_URI = 'http://localhost:8765/oauth/callback';

/** Everything the tools might ever need, requested up front. */
const GITHUB_SCOPES = 'repo user';

export function githubAuthorizeUrl(state: string): string {
  const params = new URLSearchParams({
    client_id: GITHUB_CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    scope: GITHUB_SCOPES,
    state,
    response_type: 'code',
  });
  return `https://github.com/login/oauth/authorize?${params}`;
}

export async function exchangeGithubCode(code: string): Promise<StoredTokens> {
  const response = await fetch('https://github.com/login/oauth/access_token', {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: GITHUB_CLIENT_ID,
      client_secret: GITHUB_CLIENT_SECRET,
      code,
      redirect_uri: REDIRECT_URI,
    }),
  });
  const tokens = (await response.json()) as { access_token: string; refresh_token?: string; scope: string };
  // Handy while debugging the callback; stdio MCP servers log to stderr.
  console.error('GitHub token response', tokens);
  const stored = { provider: 'github', accessToken: tokens.access_token, refreshToken: tokens.refresh_token };
  saveTokens(stored);
  return stored;
}

const google = new OAuth2Client({
  clientId: process.env.GOOGLE_CLIENT_ID,
  clientSecret: process.env.GOOGLE_CLIENT_SECRET,
  redirectUri: REDIRECT_URI,
});

export function googleAuthorizeUrl(state: string): string {
  return google.generateAuthUrl({
    access_type: 'offline',
    scope: ['https://www.googleapis.com/auth/drive', 'https://www.googleapis.com/auth/calendar.readonly'],
    state,
  });
}

export async function exchangeGoogleCode(code: string): Promise<StoredTokens> {
  const { tokens } = await google.getToken(code);
  console.error(`Google sign-in complete, access token ${tokens.access_token}`);
  const stored = { provider: 'google', accessToken: tokens.access_token ?? '', refreshToken: tokens.refresh_token ?? undefined };
  saveTokens(stored);
  return stored;
}
