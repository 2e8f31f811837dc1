import { OAUTH_REQUEST_TEXT } from '../knowledge/prefilter.js';
import { oauthRequestVisitors, type OAuthRequest } from '../models/oauth-client.js';
import { UNKNOWN } from '../engine/values.js';
import { authorizationServerPkce } from '../models/authorization-server-pkce.js';
import { defineRule } from './define.js';

/** " to 'https://host/path'" when the endpoint is fully known, else nothing. */
function target(request: OAuthRequest): string {
  const endpoint = request.endpoint;
  if (!endpoint || endpoint.includes(UNKNOWN) || endpoint.length > 120) return '';
  return ` to '${endpoint}'`;
}

export const missingPkce = defineRule({
  meta: {
    id: 'missing-pkce',
    description: 'An OAuth authorization-code flow runs without PKCE S256.',
    defaultSeverity: 'error',
    cwe: ['CWE-294', 'CWE-345'],
    securitySeverity: '7.4',
    precision: 'high',
    requiresText: OAUTH_REQUEST_TEXT,
    messages: {
      missingChallenge: "Authorization request{{target}} sends no 'code_challenge'; add PKCE with a 'code_challenge' and 'code_challenge_method=S256'.",
      missingMethod: "Authorization request{{target}} sends 'code_challenge' without 'code_challenge_method', so the server treats it as 'plain'; add 'code_challenge_method=S256'.",
      plainMethod: "PKCE method 'plain' sends the verifier itself as the challenge; use 'S256'.",
      pkceDisabled: "This provider configuration switches PKCE off ('{{flag}}'), so its authorization-code flow sends no 'code_challenge' and redeems the code without a verifier; turn PKCE on (S256).",
      verifierInState: "The 'state' of this authorization request carries the PKCE 'code_verifier', so the verifier travels with the challenge through the browser and anyone who sees the redirect can redeem the code; keep the verifier on the client (session, memory, cookie) and send only a random state.",
      missingVerifier: "Authorization-code exchange{{target}} sends no 'code_verifier'; send the PKCE verifier that matches the request's 'code_challenge'.",
      libraryMissingChallenge: "'{{call}}' builds an authorization request without a PKCE challenge; pass {{fix}}.",
      libraryMissingVerifier: "'{{call}}' exchanges the authorization code without a PKCE verifier; pass {{fix}}.",
      serverCodeNotBound: "The authorization server stores this authorization code without the client's 'code_challenge'; save 'code_challenge' (S256 only) with the code so the token endpoint can check the verifier.",
      serverPkceOptional:
        "The token endpoint checks 'code_verifier' only when a 'code_challenge' was stored with the code, so a code issued without one is redeemed with no PKCE at all; require 'code_challenge' (S256) at the authorization endpoint and reject codes without one here.",
      serverChallengeOptional:
        "The authorization endpoint uses the client's 'code_challenge' only when the request carries one and otherwise issues the code without PKCE; reject authorization requests without an S256 'code_challenge'.",
      serverVerifierNotChecked: "The token endpoint redeems the authorization code here without checking a 'code_verifier'; require it and compare its S256 hash with the challenge stored with the code.",
      sdkPkceSkipped: "'skipLocalPkceValidation: true' turns off the MCP SDK's 'code_verifier' check, and 'exchangeAuthorizationCode' never uses the verifier it is given; verify it, or forward it to the upstream server.",
    },
  },
  create(context) {
    const visitors = oauthRequestVisitors(context, (requests) => {
      for (const request of requests) {
        const pkce = request.pkce;
        const library = request.library;
        const call = request.callName ?? '';
        const fix = library?.fix ?? "PKCE S256 parameters";
        switch (pkce.status) {
          case 'plain':
            context.report({ node: pkce.node, messageId: 'plainMethod' });
            break;
          case 'disabled':
            context.report({ node: pkce.node, messageId: 'pkceDisabled', data: { flag: pkce.node.getText().slice(0, 40) } });
            break;
          case 'verifier-in-state':
            context.report({ node: pkce.node, messageId: 'verifierInState' });
            break;
          case 'missing-challenge':
            if (library) context.report({ node: request.node, messageId: 'libraryMissingChallenge', data: { call, fix } });
            else context.report({ node: request.node, messageId: 'missingChallenge', data: { target: target(request) } });
            break;
          case 'missing-method':
            if (library) context.report({ node: request.node, messageId: 'libraryMissingChallenge', data: { call, fix } });
            else context.report({ node: request.node, messageId: 'missingMethod', data: { target: target(request) } });
            break;
          case 'missing-verifier':
            if (library) context.report({ node: request.node, messageId: 'libraryMissingVerifier', data: { call, fix } });
            else context.report({ node: request.node, messageId: 'missingVerifier', data: { target: target(request) } });
            break;
          default:
            break;
        }
      }
    });
    const requestsEnd = visitors.end;
    visitors.end = () => {
      requestsEnd?.();
      const server = authorizationServerPkce(context.sourceFile);
      for (const issuance of server.unboundIssuances) context.report({ node: issuance.node, messageId: 'serverCodeNotBound' });
      for (const optional of server.optionalVerifications) context.report({ node: optional.node, messageId: 'serverPkceOptional' });
      for (const redemption of server.unverifiedRedemptions) context.report({ node: redemption.node, messageId: 'serverVerifierNotChecked' });
      for (const optional of server.optionalChallenges) context.report({ node: optional.node, messageId: 'serverChallengeOptional' });
      for (const skipped of server.skippedSdkChecks) context.report({ node: skipped.node, messageId: 'sdkPkceSkipped' });
    };
    return visitors;
  },
});
