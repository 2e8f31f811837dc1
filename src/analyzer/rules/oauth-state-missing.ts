import { ts } from '../engine/typescript.js';
import { OAUTH_REQUEST_TEXT } from '../knowledge/prefilter.js';
import { oauthRequestVisitors, type OAuthRequest } from '../models/oauth-client.js';
import { UNKNOWN } from '../engine/values.js';
import { callbacksWithoutState, libraryState, libraryStateArgument, predictableStateSite, weakRandomSource } from '../models/oauth-state.js';
import { defineRule } from './define.js';

function target(request: OAuthRequest): string {
  const endpoint = request.endpoint;
  if (!endpoint || endpoint.includes(UNKNOWN) || endpoint.length > 120) return '';
  return ` to '${endpoint}'`;
}

export const oauthStateMissing = defineRule({
  meta: {
    id: 'oauth-state-missing',
    description: 'An OAuth authorization-code flow runs without an unguessable state that the callback checks.',
    defaultSeverity: 'warning',
    cwe: ['CWE-352', 'CWE-330'],
    securitySeverity: '6.1',
    precision: 'high',
    requiresText: OAUTH_REQUEST_TEXT,
    messages: {
      missingState:
        "Authorization request{{target}} sends neither 'state' nor a PKCE challenge, so a forged callback can complete a flow the user never started; send a fresh random 'state' (or PKCE S256) and check it on the callback.",
      weakState:
        "'state' is made from '{{source}}', which an attacker can predict; generate it with 'crypto.randomBytes(32)' or 'crypto.randomUUID()', keep it server-side and accept it once.",
      callbackWithoutState:
        "This callback redeems the authorization 'code' without checking 'state' (or a PKCE verifier); compare the returned 'state' with the one issued to this browser session, reject a missing or different one, and delete it after use.",
    },
  },
  create(context) {
    const calls: ts.CallExpression[] = [];
    const visitors = oauthRequestVisitors(context, (requests) => {
      let stateless = 0;
      for (const request of requests) {
        if (request.kind !== 'authorize') continue;
        // A library that runs the whole flow with no way to pass PKCE (or state) is one problem, reported by missing-pkce with its replacement.
        if (request.library?.pkce?.via === 'never') continue;
        const state: { present: boolean; value?: ts.Expression; site?: ts.Node } | undefined =
          request.state ?? (request.library ? libraryState(context.values, request.node) : undefined);
        if (state && !state.present && request.pkce.status === 'missing-challenge') {
          stateless++;
          context.report({ node: request.node, messageId: 'missingState', data: { target: target(request) } });
        }
        const value = state?.value ?? (request.library ? libraryStateArgument(context.values, request.node) : undefined);
        const weak = value && weakRandomSource(context.values, value);
        // Reported where the predictable value is made, the line that changes; else where it is sent.
        if (weak && value) context.report({ node: predictableStateSite(context.values, value) ?? state?.site ?? value, messageId: 'weakState', data: { source: weak } });
      }
      // A flow whose request already has neither state nor PKCE is reported once, at the request.
      if (stateless > 0) return;
      for (const read of callbacksWithoutState(context.values, requests, calls)) context.report({ node: read, messageId: 'callbackWithoutState' });
    });
    const feed = visitors[ts.SyntaxKind.CallExpression];
    visitors[ts.SyntaxKind.CallExpression] = (call: ts.CallExpression) => {
      calls.push(call);
      feed?.(call);
    };
    return visitors;
  },
});
