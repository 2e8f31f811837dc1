/**
 * Signs the user in to GitHub and Google so the MCP tools can call their APIs on the user's behalf.
 * Each scope is the narrowest one the tools need; every flow uses PKCE S256.
 */
import { CodeChallengeMethod, OAuth2Client } from 'google-auth-library';
import { createPkcePair } from './pkce.js';
import { saveTokens, type StoredTokens } from './token-store.js';

const GITHUB_CLIENT_ID = process.env.GITHUB_CLIENT_ID ?? '';
const REDIRECT_URI = 'http://localhost:8765/oauth/callback';

// list_repositories reads public repositories (no scope needed) and the user's profile; nothing writes.
const GITHUB_SCOPES = ['read:user'].join(' ');

/** Verifiers of sign-ins in progress, by OAuth `state`. */
const pendingVerifiers = new Map<string, string>();

export function githubAuthorizeUrl(state: string): string {
  const { codeVerifier, codeChallenge } = createPkcePair();
  pendingVerifiers.set(state, codeVerifier);
  const params = new URLSearchParams({
    client_id: GITHUB_CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    scope: GITHUB_SCOPES,
    state,
    response_type: 'code',
    code_challenge: codeChallenge,
    code_challenge_method: 'S256',
  });
  return `https://github.com/login/oauth/authorize?${params}`;
}

export async function exchangeGithubCode(code: string, state: string): Promise<StoredTokens> {
  const codeVerifier = pendingVerifiers.get(state);
  if (!codeVerifier) throw new Error('Unknown or expired sign-in state');
  pendingVerifiers.delete(state);
  const response = await fetch('https://github.com/login/oauth/access_token', {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: GITHUB_CLIENT_ID,
      code,
      redirect_uri: REDIRECT_URI,
      code_verifier: codeVerifier,
    }),
  });
  const tokens = (await response.json()) as { access_token: string; refresh_token?: string; scope: string; expires_in?: number };
  // Metadata only: which scopes were granted and for how long.
  console.error('GitHub sign-in complete', { scope: tokens.scope, expires_in: tokens.expires_in });
  const stored = { provider: 'github', accessToken: tokens.access_token, refreshToken: tokens.refresh_token };
  await saveTokens(stored);
  return stored;
}

const google = new OAuth2Client({ clientId: process.env.GOOGLE_CLIENT_ID, redirectUri: REDIRECT_URI });

export function googleAuthorizeUrl(state: string): string {
  const { codeVerifier, codeChallenge } = createPkcePair();
  pendingVerifiers.set(state, codeVerifier);
  return google.generateAuthUrl({
    access_type: 'offline',
    scope: ['https://www.googleapis.com/auth/calendar.events.readonly'],
    state,
    code_challenge: codeChallenge,
    code_challenge_method: CodeChallengeMethod.S256,
  });
}

export async function exchangeGoogleCode(code: string, state: string): Promise<StoredTokens> {
  const codeVerifier = pendingVerifiers.get(state);
  if (!codeVerifier) throw new Error('Unknown or expired sign-in state');
  pendingVerifiers.delete(state);
  const { tokens } = await google.getToken({ code, codeVerifier });
  console.error('Google sign-in complete', { scope: tokens.scope, expiry_date: tokens.expiry_date });
  const stored = { provider: 'google', accessToken: tokens.access_token ?? '', refreshToken: tokens.refresh_token ?? undefined };
  await saveTokens(stored);
  return stored;
}
